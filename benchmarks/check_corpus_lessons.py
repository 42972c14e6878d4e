"""Check that the course's lessons hold on the offline corpus (make_sms_corpus).

The lecture's setup: MeCab morphemes -> stopwords -> jamo tokens, vocabulary
from train+val with rare threshold 3, post-padding to 330, a classifier on the
final hidden state, Adam 1e-3. The lessons:

- a plain RNN stays near the majority-class rate (the pad steps wipe its state);
- LSTM and GRU exceed 90 % test accuracy;
- no sensible model reaches 100 % (hard cases and label noise), and message
  length alone does not give the class away.

Usage (from the repository root; about 5 minutes on 2 CPU cores with defaults)::

    OMP_NUM_THREADS=1 python benchmarks/check_corpus_lessons.py --seeds 0 1

``--inits`` picks how LSTM and GRU start:

- ``default``: PyTorch's initialisation (the lecture's code);
- ``gate``: the keep-gate bias (LSTM forget gate, GRU update gate) set to
  ``--gate`` with ``pp.set_gate_bias`` (Gers et al. 2000; Jozefowicz et al. 2015);
- ``chrono``: chrono initialisation (Tallec & Ollivier 2018): keep-gate biases
  ``log U(1, T-1)`` with T the context length, and for the LSTM an input-gate
  bias of minus that, so the cell neither forgets nor fills up on pad steps.

The exit status is 0 when the RNN stays near the majority rate and LSTM and GRU
exceed 90 % with every init named in ``--require`` (default: chrono); the
other inits are reported only. ``--padding pre`` is a control: without pad
steps after the message even the plain RNN learns the task.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

os.environ.setdefault("NLP_PP_OFFLINE", "1")  # 내장 불용어 목록: 늘 같은 결과
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import nlp_pp as pp

SPLITS = ("train", "val", "test")
INITS = ("default", "gate", "chrono")


def parse_args(argv=None) -> argparse.Namespace:
    """Return the command-line options (defaults: the course's quick mode)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1],
                    help="corpus seeds (make_sms_corpus(n, seed))")
    ap.add_argument("--n", type=int, default=6000, help="messages generated")
    ap.add_argument("--n-docs", type=int, default=3000,
                    help="stratified subset used (0: all, as in full mode)")
    ap.add_argument("--models", nargs="+", default=["rnn", "lstm", "gru"])
    ap.add_argument("--inits", nargs="+", default=["default", "gate", "chrono"],
                    choices=INITS)
    ap.add_argument("--require", nargs="*", default=["chrono"], choices=INITS,
                    help="inits with which LSTM and GRU must exceed 90 %%")
    ap.add_argument("--gate", type=float, default=3.0, help="keep-gate bias value")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--emb", type=int, default=64)
    ap.add_argument("--hid", type=int, default=64)
    ap.add_argument("--context", type=int, default=330)
    ap.add_argument("--padding", choices=["post", "pre"], default="post",
                    help="pre: a control run without pad steps after the message")
    ap.add_argument("--train-seed", type=int, default=42)
    return ap.parse_args(argv)


def prepare(seed: int, args) -> dict:
    """Run the course pipeline (pp.prepare_data) on make_sms_corpus(n, seed)."""
    cfg = pp.get_config("full", n_docs=args.n_docs or None, rare_th=3,
                        context_length=args.context, seed=args.train_seed)
    prep = pp.prepare_data(cfg, df=pp.make_sms_corpus(args.n, seed))
    data = {"word_to_idx": prep.word_to_idx, "tokens": prep.tokens}
    for s in SPLITS:
        padded = prep.padded[s]  # 뒤쪽 패딩 (강의 설정)
        if args.padding == "pre":
            padded = pp.pad_seq_x(prep.seqs[s], args.context, padding="pre")
        data[s] = (padded, prep.labels[s])
    return data


def baselines(data: dict) -> dict:
    """Return test accuracies of the majority class, length only and bag of words."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    y_tr, y_te = data["train"][1], data["test"][1]
    majority = max(np.mean(y_te), 1 - np.mean(y_te))
    n_tr, n_te = (np.array([len(d) for d in data["tokens"][s]])
                  for s in ("train", "test"))
    # 길이 하나로 가르기: 훈련 데이터에서 가장 잘 맞는 문턱값과 방향을 고릅니다
    rules = [(t, up) for t in range(5, 400, 5) for up in (True, False)]
    t, up = max(rules, key=lambda r: np.mean(((n_tr > r[0]) == r[1]) == y_tr))
    length_only = np.mean(((n_te > t) == up) == y_te)
    vec = CountVectorizer(analyzer=lambda d: d, min_df=2)
    x_tr = vec.fit_transform(data["tokens"]["train"])
    clf = LogisticRegression(max_iter=2000).fit(x_tr, y_tr)
    bow = clf.score(vec.transform(data["tokens"]["test"]), y_te)
    return {"majority": majority, "length_only": length_only, "bow": bow}


def chrono_init(rnn: torch.nn.Module, context_length: int, seed: int) -> None:
    """Set chrono biases: keep gate log U(1, T-1); LSTM input gate minus that."""
    hid = rnn.hidden_size
    gen = torch.Generator().manual_seed(seed)
    keep = torch.log(1 + torch.rand(hid, generator=gen) * (context_length - 2))
    with torch.no_grad():
        rnn.bias_hh_l0.zero_()
    pp.set_gate_bias(rnn, keep)  # LSTM f / GRU z
    if isinstance(rnn, torch.nn.LSTM):
        pp.set_lstm_input_bias(rnn, -keep)  # 입력 게이트 i


def build_model(data: dict, cell: str, init: str, args) -> torch.nn.Module:
    """Return a RecurrentClassifier of `cell` started with `init`."""
    torch.manual_seed(args.train_seed)
    gate = args.gate if init == "gate" else 0.0
    model = pp.RecurrentClassifier(len(data["word_to_idx"]), args.emb, 2, args.hid,
                                   cell=cell, gate_bias=gate)
    if init == "chrono":
        chrono_init(model.rnn, args.context, args.train_seed)
    return model


def train_one(data: dict, cell: str, init: str, args) -> dict:
    """Train one model; return per-epoch val accuracy, test accuracy and time."""
    model = build_model(data, cell, init, args)
    trainer = pp.Trainer(model, torch.optim.Adam(model.parameters(), lr=1e-3),
                         device="cpu")
    loaders = {s: pp.set_dataloader(*data[s], args.batch, s, seed=args.train_seed)
               for s in SPLITS}
    start = time.perf_counter()
    history = trainer.fit(loaders["train"], loaders["val"], args.epochs, progress=False)
    _, test_acc = trainer.evaluate(loaders["test"])
    return {"val": history.val_acc, "test": test_acc,
            "seconds": time.perf_counter() - start}


def conditions(args):
    """Yield (cell, init) for every model x init asked for (the RNN: default only)."""
    for cell in args.models:
        for init in ["default"] if cell == "rnn" else args.inits:
            yield cell, init


def check_seed(seed: int, args) -> bool:
    """Print the results for one corpus seed; return True when the lessons hold."""
    start = time.perf_counter()
    data = prepare(seed, args)
    n = {s: len(data[s][1]) for s in SPLITS}
    print(f"\n== corpus seed {seed}: {n} docs, vocab {len(data['word_to_idx'])}, "
          f"prep {time.perf_counter() - start:.0f}s")
    base = baselines(data)
    print("   baselines (test): " + ", ".join(f"{k} {v:.3f}" for k, v in base.items()))
    ok = base["bow"] < 0.995 and base["length_only"] < base["majority"] + 0.05
    for cell, init in conditions(args):
        res = train_one(data, cell, init, args)
        vals = " ".join(f"{v:.3f}" for v in res["val"])
        print(f"   {cell.upper():4s} {init:8s} val/epoch [{vals}]  "
              f"test {res['test']:.3f}  {res['seconds']:.0f}s", flush=True)
        if cell == "rnn" and args.padding == "post":
            ok &= res["test"] < base["majority"] + 0.08
        elif cell != "rnn" and init in args.require:
            ok &= res["test"] > 0.90
    print(f"   lessons hold (RNN near majority; LSTM, GRU > 90 % with "
          f"{', '.join(args.require) or 'no init required'}): {ok}")
    return ok


def main(argv=None) -> int:
    """Check every seed; return 0 when the lessons hold on all of them."""
    args = parse_args(argv)
    print(f"torch threads {torch.get_num_threads()}, epochs {args.epochs}, batch "
          f"{args.batch}, emb {args.emb}, hid {args.hid}, context {args.context} "
          f"({args.padding}), gate bias {args.gate}, n_docs {args.n_docs or args.n}")
    results = [check_seed(seed, args) for seed in args.seeds]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
