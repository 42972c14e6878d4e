"""Record chapters 6-7's experiments at the lecture's full size, on any device.

    python benchmarks/full_mode.py --seeds 5                 # the record the book reads
    python benchmarks/full_mode.py --smoke --out /tmp/fm.json  # tiny, tests the script

The record (nlp_pp/resources/full_mode.json by default) states what is needed to rerun
it: the device in words, the versions, the date, the data and its fingerprint, every
Config field, the seeds and the command line. It holds every run's accuracies and
times (seconds per epoch, total) and the wall time.

Each finished run (a condition and a seed) is kept at once in a partial file beside the
output (full_mode.partial.json). Run the same command again after an interruption and
it skips the runs that are done; a partial file made with another configuration, data
or device is ignored (and replaced), with a message. The partial file is removed when
the record is written.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import platform
import shlex
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd
import torch
from tqdm import tqdm

import nlp_pp as pp
from nlp_pp import full_record as fr
from nlp_pp.settings import atomic_file

DEFAULT_OUT = ROOT / "nlp_pp" / "resources" / fr.FULL_MODE_FILE
SMOKE = {"n_docs": 400, "epochs": 1, "emb_dim": 8, "hid_dim": 8, "ft_epochs": 1,
         "batch_size": 32, "context_length": 64}
# 입력을 만드는 방법: 이름 -> run_condition에 더 줄 인자 (앞쪽 패딩 배열은 따로 넣습니다)
INPUTS = {"post": {}, "pre": {}, "packed": {"packed": True}, "bucket": {"bucket": True},
          "bucket+packed": {"bucket": True, "packed": True}}


@dataclasses.dataclass(frozen=True)
class Run:
    """One training run of the record: a condition under one Config (and seed)."""

    run_id: str  # 기록 속 이름 (6장의 조건 이름, padding/…, seeds/…)
    group: str  # lecture, gate_fix, padding, seeds
    cell: str  # rnn, lstm, gru
    pretrained: bool  # FastText 임베딩으로 시작하는가
    cfg: pp.Config
    inputs: str = "post"
    label: str = ""  # 진행 막대의 이름

    def spec(self) -> dict:
        """Return everything that defines this run (the resume key is made from it)."""
        return {"cell": self.cell, "pretrained": self.pretrained, "inputs": self.inputs,
                "config": dataclasses.asdict(self.cfg)}


def plan(cfg: pp.Config, seeds) -> list:
    """Return the runs of the record in order: chapter 6, then chapter 7."""
    fix = pp.with_gate_fix(cfg)
    runs = []
    for key in pp.CONDITIONS:
        model, emb = key.split("_")
        runs.append(Run(key, "lecture", pp.MODELS[model], emb == "사전훈련", cfg,
                        label=key))
    for key in fr.GATED:
        model, emb = key.split("_")
        runs.append(Run(key + fr.FIX, "gate_fix", pp.MODELS[model], emb == "사전훈련",
                        fix, label=key + fr.FIX))
    for name, run_id in fr.PADDING.items():
        runs.append(Run(run_id, "padding", "rnn", False, cfg, run_id.split("/")[1],
                        label=f"RNN {name}"))
    for seed in seeds:
        for setup, base, inputs in (("lecture", cfg, "post"),
                                    ("fix+bucket", fix, "bucket")):
            for cell in ("LSTM", "GRU"):
                run_id = fr.seed_ids(setup, cell, [seed])[0]
                runs.append(Run(run_id, "seeds", cell.lower(), False,
                                dataclasses.replace(base, seed=seed), inputs,
                                label=f"{cell} {fr.SEED_SETUPS[setup]} 시드 {seed}"))
    return runs


def data_identity(prep) -> dict:
    """Return the data a record was made from: source, size and fingerprints.

    `sha256` covers the cleaned messages and labels, `tokens_sha256` the jamo tokens
    the models read (they change with the MeCab dictionary too).
    """
    digest = hashlib.sha256(pd.util.hash_pandas_object(prep.df, index=True).values
                            .tobytes()).hexdigest()
    tokens = hashlib.sha256("\n".join(" ".join(doc) for doc in prep.all_tokens)
                            .encode("utf-8")).hexdigest()
    return {"source": prep.source, "n_docs": len(prep.df), "sha256": digest,
            "tokens_sha256": tokens}


def run_key(run: Run, identity: dict) -> str:
    """Return the resume key: a hash of the run's spec and the data/device identity."""
    text = json.dumps({"run": run.spec(), "identity": identity}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def train_run(run: Run, prep, emb, device, progress: bool, pre=None,
              desc: str = "") -> dict:
    """Train one run and return its numbers (accuracies per epoch, times).

    With `progress` a bar counts the epochs under `desc` (else the run's label).
    """
    kwargs = dict(INPUTS[run.inputs])
    if run.inputs == "pre":
        kwargs["padded"] = pre
    start = time.perf_counter()
    r = pp.run_condition(prep, run.cell, emb if run.pretrained else None,
                         key=desc or run.label,
                         cfg=run.cfg, device=device, progress=progress, **kwargs)
    out = {"test_acc": float(r.test_acc), "test_loss": float(r.test_loss),
           "train_acc": [float(x) for x in r.history.train_acc],
           "val_acc": [float(x) for x in r.history.val_acc],
           "epoch_seconds": [float(x) for x in r.history.seconds],
           "sec_per_epoch": float(r.sec_per_epoch),
           "seconds": time.perf_counter() - start, "params": int(r.params)}
    pred = getattr(r, "test_pred", None)
    if pred is not None and prep.num_classes <= 10:  # 테스트 메시지마다 예측한 클래스
        out["test_pred"] = "".join(str(int(p)) for p in pred)
    return out


def load_partial(path: Path, identity: dict, say) -> tuple[dict, list]:
    """Return the partial file's (runs {key: entry}, sessions) if made with `identity`.

    A partial file made with another configuration, data or device gives ({}, []).
    """
    if not path.exists():
        return {}, []
    try:
        partial = json.loads(path.read_text(encoding="utf-8"))
        old = partial["identity"]
        runs, sessions = dict(partial["runs"]), list(partial["sessions"])
    except (json.JSONDecodeError, KeyError, TypeError):
        say(f"{path}: 읽을 수 없는 부분 기록이라 무시하고 처음부터 합니다 "
            "(unreadable partial file ignored).")
        return {}, []
    if old != identity:
        differs = sorted(k for k in identity.keys() | old.keys()
                         if old.get(k) != identity.get(k))
        say(f"{path}: 다른 설정·데이터·장치로 만든 부분 기록이라 무시하고 처음부터 "
            f"합니다. 다른 항목: {', '.join(differs)}. 첫 실행이 끝나면 이 파일을 "
            "덮어씁니다 (partial file from another configuration ignored).")
        return {}, []
    say(f"{path}: 끝난 실행 {len(runs)}개를 이어받습니다 (resuming).")
    return runs, sessions


def save_partial(path: Path, identity: dict, runs: dict, sessions: list) -> None:
    """Write the partial file atomically (a crash never leaves half of it)."""
    text = json.dumps({"identity": identity, "sessions": sessions, "runs": runs},
                      ensure_ascii=False, indent=1)
    with atomic_file(path) as (fh, _):
        fh.write(text.encode("utf-8"))


def versions() -> dict:
    """Return the versions that can change the numbers."""
    from importlib import metadata

    found = {"python": platform.python_version(), "torch": torch.__version__,
             "nlp_pp": pp.__version__}
    for dist in ("numpy", "pandas", "gensim", "scikit-learn", "python-mecab-ko",
                 "mecab-ko", "python-mecab-ko-dic", "jamo"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return found


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"the record (default: {DEFAULT_OUT.relative_to(ROOT)})")
    parser.add_argument("--seeds", type=int, default=None,
                        help="seeds of the seed-spread runs (5; 2 with --smoke)")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes on any device, to test this script")
    parser.add_argument("--quiet", action="store_true", help="no progress, no messages")
    args = parser.parse_args(argv)
    n_seeds = args.seeds or (2 if args.smoke else 5)
    if n_seeds < 2:
        parser.error("--seeds must be at least 2 (a spread needs two seeds)")

    def say(text):
        if not args.quiet:
            tqdm.write(text, file=sys.stderr)

    started = dt.datetime.now().astimezone()
    wall = time.perf_counter()
    device = pp.get_device()
    cfg = pp.get_config("quick", **SMOKE) if args.smoke else pp.get_config("full")
    seeds = [cfg.seed + k for k in range(n_seeds)]
    pp.set_seed(cfg.seed)
    t = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prep = pp.prepare_data(cfg)
    seconds = {"prepare": time.perf_counter() - t}
    notes = sorted({str(w.message).splitlines()[0] for w in caught})
    for note in notes:
        say(note)
    device_words = fr.device_text(device)
    identity = {"format": fr.RECORD_FORMAT, "smoke": args.smoke,
                "config": dataclasses.asdict(cfg), "data": data_identity(prep),
                "device": device_words, "torch": torch.__version__}
    partial_path = args.out.with_name(args.out.stem + ".partial.json")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    done, sessions = load_partial(partial_path, identity, say)

    t = time.perf_counter()
    emb = pp.pretrained_matrix(prep, cache=False)  # 캐시를 쓰지 않아야 학습 시간을 잽니다
    seconds["fasttext"] = time.perf_counter() - t
    base = pp.tfidf_baseline(prep)
    seconds["baseline"] = base.seconds
    pre = {s: pp.pad_seq_x(prep.seqs[s], cfg.context_length, padding="pre")
           for s in pp.SPLITS}

    runs = plan(cfg, seeds)
    keys = {run.run_id: run_key(run, identity) for run in runs}
    first = {}  # 같은 실행(같은 키)은 한 번만 학습하고, 처음 나온 묶음에 시간을 셉니다
    for run in runs:
        first.setdefault(keys[run.run_id], run)
    todo = [run for key, run in first.items() if key not in done]
    session = {"started": started.isoformat(timespec="seconds"), "seconds": 0.0,
               "runs": 0}
    sessions.append(session)
    say(f"{device_words}, torch {torch.__version__}, {cfg.mode} 모드, 시드 "
        f"{n_seeds}개: 실행 {len(first)}개 가운데 {len(todo)}개를 학습합니다.")
    for i, run in enumerate(todo, start=len(first) - len(todo) + 1):
        desc = f"[{i}/{len(first)}] {run.label}"  # 에포크마다 나아가는 막대의 이름
        entry = {"run_id": run.run_id, "group": run.group, **run.spec(),
                 "result": train_run(run, prep, emb, device, not args.quiet, pre, desc)}
        done[keys[run.run_id]] = entry
        session["seconds"] = time.perf_counter() - wall
        session["runs"] += 1
        save_partial(partial_path, identity, done, sessions)
        res = entry["result"]
        say(f"{desc}: 테스트 정확도 {res['test_acc']:.1%}, 에포크당 "
            f"{res['sec_per_epoch']:.1f}초, 모두 {res['seconds']:.0f}초")

    groups = dict.fromkeys(("lecture", "gate_fix", "padding", "seeds"), 0.0)
    for key, run in first.items():
        groups[run.group] += done[key]["result"]["seconds"]
    session["seconds"] = time.perf_counter() - wall
    seconds.update(groups=groups, runs=sum(groups.values()),
                   wall=sum(s["seconds"] for s in sessions))
    cpu_model = platform.processor() or platform.machine()
    finished = dt.datetime.now().astimezone()
    record = {
        "format": fr.RECORD_FORMAT,
        "script": fr.SCRIPT,
        "command": shlex.join(["python", fr.SCRIPT, *argv]),
        "smoke": args.smoke,
        "mode": cfg.mode,
        "device": device_words,
        "device_type": device.type,
        "cpu": cpu_model,
        "torch_threads": torch.get_num_threads(),
        "date": finished.date().isoformat(),  # 기록을 마친 날
        "started": sessions[0]["started"],
        "finished": finished.isoformat(timespec="seconds"),
        "sessions": sessions,
        "versions": versions(),
        "platform": platform.platform(),
        "data": {**identity["data"], "source_text": pp.verdicts.source_sentence(
                     prep.source), "dropped": prep.dropped,
                 "n_train": len(prep.labels["train"]), "n_val": len(prep.labels["val"]),
                 "n_test": len(prep.labels["test"]), "majority": pp.majority_rate(prep),
                 "notes": notes},
        "config": dataclasses.asdict(cfg),
        "gate_fix": dict(pp.GATE_FIX),
        "seeds": seeds,
        "size": fr.run_size(prep, device),
        "steps": {"post": prep.batches("train").steps(),
                  "packed": prep.batches("train", with_lengths=True).steps(),
                  "bucket": prep.batches("train", bucket=True).steps()},
        "baseline": {"test_acc": float(base.test_acc), "seconds": float(base.seconds)},
        "seconds": seconds,
        "runs": {run.run_id: {"group": run.group, "label": run.label, **run.spec(),
                              **done[keys[run.run_id]]["result"]} for run in runs},
    }
    with atomic_file(args.out) as (fh, _):
        fh.write((json.dumps(record, ensure_ascii=False, indent=1) + "\n")
                 .encode("utf-8"))
    partial_path.unlink(missing_ok=True)
    say(f"{args.out}: {device_words}에서 {seconds['wall']:.0f}초 (이번 세션 "
        f"{session['seconds']:.0f}초)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
