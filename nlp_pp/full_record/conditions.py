"""Chapter 6 beside the full-mode record: the six conditions and the gate-bias fix."""

from __future__ import annotations

from .. import verdicts as v
from .record import (
    FIX,
    GATED,
    NO_RECORD,
    SCRIPT,
    _acc,
    _differences,
    _how_many,
    _label,
    _ok,
    _origin,
    _rate,
    _styled,
)


def conditions_table(record: dict | None, this_accs: dict, mode: str):
    """Return this run's and the record's test accuracy per condition (styled), or None.

    `this_accs` maps chapter 6's condition names ('LSTM_사전훈련', 'GRU_사전훈련+게이트
    편향') to this run's test accuracies.
    """
    if record is None:
        return None
    label = _label(record)
    rows = {}
    for key, acc in this_accs.items():
        run = record["runs"].get(key, {})
        rows[key] = {f"이번 실행 ({mode} 모드)": acc, label: run.get("test_acc"),
                     f"{label}: 에포크당 학습 초": run.get("sec_per_epoch")}
    return _styled(rows)


def conditions_verdict(record: dict | None, this_accs: dict, majority: float,
                       n_test: int, this_size: dict) -> str:
    """Return what the record says of the lecture's setup and the fix, beside this run.

    `this_accs` holds this run's accuracies of the LSTM/GRU conditions with and without
    the gate fix, named as in chapter 6; `this_size` is run_size() of this run.
    """
    if record is None:
        return (f"{NO_RECORD}, 이번 실행과 나란히 놓을 full 모드 크기의 결과가 없습니다. "
                f"어느 컴퓨터에서든 {SCRIPT}를 실행하면 그 기록이 생기고, 그다음부터 "
                "이 자리에 표와 판정이 나타납니다")
    label, maj = _label(record), record["data"]["majority"]
    fixed = tuple(k + FIX for k in GATED)
    rec_ok = _ok(record, {k: _acc(record, k) for k in GATED})
    rec_fix = _ok(record, {k: _acc(record, k) for k in fixed})
    this_ok = {k: v.learned(this_accs[k], majority, n_test) for k in GATED}
    this_fix = {k: v.learned(this_accs[k], majority, n_test) for k in fixed}
    mode = f"이번 실행({this_size['mode']} 모드)"
    out = [f"{v.topic(label)} {_origin(record)}",
           f"그 기록에서 강의 설정의 LSTM·GRU 조건은 {_how_many(rec_ok, _rate(maj))}",
           f"게이트 편향 처방을 넣은 조건은 {_how_many(rec_fix, _rate(maj))}"]
    if this_ok == rec_ok:
        out.append(f"강의 설정에서 학습한 조건은 {mode}과 같습니다")
    else:
        out.append(f"{mode}에서는 강의 설정의 LSTM·GRU 조건이 "
                   f"{_how_many(this_ok, _rate(majority))}")
        out.append(f"강의 설정에서 어느 조건이 학습하느냐가 두 실행에서 달랐습니다. "
                   f"{_differences(this_size, record)}")
        out.append("게이트가 수백 칸의 패딩을 건너 기억과 기울기를 전하는 법을 스스로 "
                   "찾느냐는 이런 예산(데이터의 양과 갱신 횟수)과 시드에 달려 있어(7장 "
                   "3.2절), 한 크기에서 본 결과를 다른 크기에 그대로 옮길 수 없습니다")
    if this_fix == rec_fix:
        out.append(f"처방을 넣은 조건의 판정은 {mode}과 같습니다")
    else:
        out.append(f"{mode}에서는 처방을 넣은 조건이 "
                   f"{_how_many(this_fix, _rate(majority))}")
    return ". ".join(out)
