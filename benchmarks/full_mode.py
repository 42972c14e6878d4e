"""Run chapters 6-7's experiments in full mode and write the results as JSON.

    python benchmarks/full_mode.py                 # on a GPU machine: the lecture's setup
    python benchmarks/full_mode.py --smoke --out /tmp/x.json   # a tiny run to test it

The JSON (device, versions, date, data source, accuracies, timings) is written to
nlp_pp/resources/full_mode.json by default; when that file is committed, chapter 6
shows a "full 모드(GPU)에서는" box built from it. Without a GPU nothing should be
committed: the box then does not appear.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import platform
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np
import torch

import nlp_pp as pp


def device_name(device: torch.device) -> str:
    """Return a readable name of the device."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return f"CPU ({platform.processor() or platform.machine()})"


def run(cfg, device, seeds=(42, 43, 44)) -> dict:
    """Return accuracies and timings of chapter 6 and 7's experiments under cfg."""
    out = {"accuracy": {}, "sec_per_epoch": {}, "steps": {}}
    t = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prep = pp.prepare_data(cfg)
    out["warnings"] = sorted({str(w.message).splitlines()[0] for w in caught})
    out["seconds_prepare"] = time.perf_counter() - t
    t = time.perf_counter()
    emb = pp.pretrained_matrix(prep)
    out["seconds_fasttext"] = time.perf_counter() - t
    out.update(source=pp.verdicts.source_sentence(prep.source), n_docs=len(prep.df),
               majority=pp.majority_rate(prep), n_test=len(prep.labels["test"]))
    base = pp.tfidf_baseline(prep)
    out["accuracy"]["baseline"] = base.test_acc
    out["sec_per_epoch"]["baseline"] = base.seconds

    def record(key, result):
        out["accuracy"][key] = result.test_acc
        out["sec_per_epoch"][key] = result.sec_per_epoch

    t = time.perf_counter()
    for key, r in pp.run_experiment(prep, emb, device=device, progress=False).items():
        record(key, r)
    out["seconds_six_conditions"] = time.perf_counter() - t
    fix = pp.with_gate_fix(cfg)
    gated = [k for k in pp.CONDITIONS if not k.startswith("RNN")]
    for key, r in pp.run_experiment(prep, emb, gated, cfg=fix, device=device,
                                    progress=False).items():
        record(f"{key}+게이트 편향", r)
    pre = {s: pp.pad_seq_x(prep.seqs[s], cfg.context_length, padding="pre")
           for s in pp.SPLITS}
    variants = {"pre": {"padded": pre}, "packed": {"packed": True},
                "bucket": {"bucket": True}}
    for name, kwargs in variants.items():
        record(f"RNN_{name}", pp.run_condition(prep, "rnn", emb, device=device,
                                               progress=False, **kwargs))
        record(f"GRU_{name}+게이트 편향", pp.run_condition(
            prep, "gru", emb, cfg=fix, device=device, progress=False, **kwargs))
    for name, kwargs in {"post": {}, "packed": {"with_lengths": True},
                         "bucket": {"bucket": True}}.items():
        out["steps"][name] = prep.batches("train", **kwargs).steps()
    for cell in ("lstm", "gru"):
        for seed in seeds:
            for label, c in (("강의", cfg), ("게이트 편향", fix)):
                r = pp.run_condition(prep, cell, emb, cfg=dataclasses.replace(
                    c, seed=seed), device=device, progress=False)
                out["accuracy"][f"{cell.upper()}_seed{seed}_{label}"] = r.test_acc
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path,
                        default=ROOT / "nlp_pp" / "resources" / pp.book.FULL_MODE_FILE)
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes on any device, to test this script")
    args = parser.parse_args(argv)
    device = pp.get_device()
    if args.smoke:
        cfg = pp.get_config("quick", n_docs=400, epochs=1, emb_dim=8, hid_dim=8,
                            ft_epochs=1, batch_size=32, context_length=64)
        seeds = (42,)
    else:
        cfg = pp.get_config("full")
        seeds = (42, 43, 44, 45, 46)
    pp.set_seed(cfg.seed)
    start = time.perf_counter()
    result = run(cfg, device, seeds)
    result.update(
        mode=cfg.mode, device=device_name(device), date=dt.date.today().isoformat(),
        seconds_total=time.perf_counter() - start,
        versions={"python": platform.python_version(), "torch": torch.__version__,
                  "numpy": np.__version__, "nlp_pp": pp.__version__},
        config={k: getattr(cfg, k) for k in ("n_docs", "context_length", "batch_size",
                                             "epochs", "emb_dim", "hid_dim", "lr")},
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"{args.out}: {result['seconds_total']:.0f} s on {result['device']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
