"""Chapter 7 beside the full-mode record: the padding fixes, their speed, the seeds."""

from __future__ import annotations

import statistics

from .. import verdicts as v
from .record import (
    NO_RECORD,
    PADDING,
    SEED_SETUPS,
    _acc,
    _differences,
    _how_many,
    _label,
    _median_epoch,
    _ok,
    _rate,
    _styled,
    seed_ids,
)


def _padding_name(name: str) -> str:
    """Return the PADDING name of a chapter label ('뒤쪽 패딩 (강의)' -> '뒤쪽 패딩')."""
    return name.split(" (")[0].strip()


def padding_table(record: dict | None, this_accs: dict, mode: str):
    """Return this run's and the record's accuracy per RNN input (styled), or None."""
    if record is None:
        return None
    label = _label(record)
    rows = {}
    for name, acc in this_accs.items():
        run_id = PADDING[_padding_name(name)]
        rows[name] = {f"이번 실행 ({mode} 모드)": acc, label: _acc(record, run_id),
                      f"{label}: 에포크당 학습 초 (중앙값)":
                      _median_epoch(record, run_id)}
    return _styled(rows)


def padding_verdict(record: dict | None, this_accs: dict, majority: float,
                    n_test: int) -> str:
    """Return what the record says of the five inputs of the RNN, beside this run.

    `this_accs` maps chapter 7's input names ('뒤쪽 패딩 (강의)', '앞쪽 패딩', …) to
    this run's test accuracies.
    """
    if record is None:
        return (f"{NO_RECORD}, 같은 다섯 가지 입력을 full 모드의 크기에서 비교한 결과는 보여 "
                "드릴 수 없습니다")
    label, data = _label(record), record["data"]
    accs = {name: _acc(record, run_id) for name, run_id in PADDING.items()}
    post = accs.pop("뒤쪽 패딩")
    vals = ", ".join(f"{name} {v.pct(a)}" for name, a in accs.items())
    ok = _ok(record, accs)
    this = {_padding_name(n): a for n, a in this_accs.items()}
    this_ok = {n: v.learned(this[n], majority, n_test) for n in accs}
    out = [(f"{record['device']}에서 잰 {label}({record['config']['epochs']}에포크, 배치 "
           f"{record['config']['batch_size']})에서는 뒤쪽 패딩 RNN이 {v.pct(post)}로 "
           f"{v.vs_majority(post, data['majority'], data['n_test'])}"),
           f"입력을 고친 방법은 {_how_many(ok, _rate(data['majority']))}({vals})"]
    if this_ok == ok:
        out.append("입력을 고친 방법 가운데 학습한 것은 이번 실행과 같습니다")
    else:
        out.append(f"이번 실행에서는 입력을 고친 방법이 {_how_many(this_ok, _rate(majority))}")
    return ". ".join(out)


def speed_verdict(record: dict | None) -> str:
    """Return the record's per-epoch speed of the inputs against post-padding."""
    if record is None:
        return f"{NO_RECORD}, 다른 장치에서 잰 속도는 보여 드릴 수 없습니다"
    sec = {name: _median_epoch(record, run_id) for name, run_id in PADDING.items()}
    ratio = {name: sec["뒤쪽 패딩"] / s for name, s in sec.items()}
    parts = [v.speed_verdict(name, ratio[name])
             for name in ("앞쪽 패딩", "패킹", "길이 버킷팅")]
    head = (f"{record['device']}에서 잰 {_label(record)}(배치 "
            f"{record['config']['batch_size']}, 에포크 시간의 중앙값)으로 보면, ")
    text = head + ". ".join(parts)
    if record.get("device_type") != "cuda":
        return (text + ". 이 기록은 CPU에서 잰 것이라, 위에서 설명한 GPU의 사정은 이 "
                "기록으로 확인할 수 없습니다")
    if ratio["패킹"] <= 1 / 1.05:
        return text + ". GPU에서 잰 이 기록에서도 패킹이 뒤쪽 패딩보다 느렸습니다"
    return (text + ". GPU에서 잰 이 기록에서는 패킹이 뒤쪽 패딩보다 느리지 않았으니, 위의 "
            "설명은 언제나 들어맞지는 않습니다")


def seeds_table(record: dict | None):
    """Return the record's test accuracy per seed of both seed experiments (styled)."""
    import pandas as pd

    if record is None:
        return None
    cols = {f"{SEED_SETUPS[setup]}: {cell}": [
                _acc(record, i) for i in seed_ids(setup, cell, record["seeds"])]
            for setup in SEED_SETUPS for cell in ("LSTM", "GRU")}
    return pd.DataFrame(cols, index=pd.Index(record["seeds"], name="시드")).style.format(
        "{:.1%}")


def seeds_verdict(record: dict | None, this_accs, majority: float, n_test: int,
                  this_size: dict) -> str:
    """Return what the record's seeds say of the lecture's setup, beside this run.

    `this_accs` are this run's test accuracies of the lecture-setup LSTM, one per seed.
    """
    if record is None:
        return (f"{NO_RECORD}, full 모드의 크기에서 시드를 바꿔 본 결과는 보여 드릴 수 "
                "없습니다")
    data, seeds = record["data"], record["seeds"]
    label = _label(record)
    lecture = {cell: [_acc(record, i) for i in seed_ids("lecture", cell, seeds)]
               for cell in ("LSTM", "GRU")}
    fixed = {cell: [_acc(record, i) for i in seed_ids("fix+bucket", cell, seeds)]
             for cell in ("LSTM", "GRU")}
    spread = ", ".join(
        f"{cell} {v.pct(statistics.mean(a))} ± {v.pct(statistics.stdev(a))}"
        for cell, a in fixed.items())  # 기록에는 시드가 둘 이상 있습니다
    rate = _rate(data["majority"])
    ok = {cell: _ok(record, dict(enumerate(a))) for cell, a in lecture.items()}
    k = {cell: sum(o.values()) for cell, o in ok.items()}
    n = len(seeds)
    vals = "; ".join(f"{cell} {', '.join(v.pct(a) for a in accs)}"
                     for cell, accs in lecture.items())
    if all(x == 0 for x in k.values()):
        tail = "이 예산에서는 시드를 바꿔도 강의 설정이 학습을 시작하지 못했습니다"
    elif all(x == n for x in k.values()):
        tail = "이 예산에서는 강의 설정도 시드와 상관없이 학습했습니다"
    elif any(0 < x < n for x in k.values()):
        tail = "같은 설정이 시드에 따라 학습하기도 하고 실패하기도 했습니다"
    else:
        tail = "이 예산에서는 어느 셀이냐에 따라 결과가 갈렸습니다"
    out = [(f"{record['device']}에서 잰 {label}에서 {rate}을 뚜렷이 넘은 시드는 강의 "
           f"설정(기본 초기화, 뒤쪽 패딩)의 LSTM이 {n}개 가운데 {k['LSTM']}개, GRU가 "
           f"{k['GRU']}개였습니다({vals}). {tail}"),
           (f"게이트 편향 처방과 길이 버킷팅을 함께 쓰면 테스트 정확도가 {spread}"
           "(평균 ± 표준편차)였습니다")]
    k_rec = k["LSTM"]
    k_this = sum(v.learned(a, majority, n_test) for a in this_accs)
    n_this = len(this_accs)
    out.append(f"강의 설정의 LSTM이 다수 클래스 비율을 뚜렷이 넘은 시드는 이번 실행에서 "
               f"{n_this}개 가운데 {k_this}개, 기록에서 {len(seeds)}개 가운데 "
               f"{k_rec}개입니다")
    if k_this * len(seeds) != k_rec * n_this:  # 학습한 시드의 비율이 다르면
        out.append(_differences(this_size, record))
    return ". ".join(out)
