"""The full-mode record of benchmarks/full_mode.py, read back for the book's pages.

The script runs chapters 6-7's experiments at the lecture's full size on whatever
device it finds and writes ``resources/full_mode.json``. The chapters and the teacher
page put its numbers beside their own run with these functions. Every sentence is
chosen by what the record holds and what this run measured, so it is true for any
outcome; without a record each function says so (sentences) or returns None (tables).
"""

from __future__ import annotations

import json
import statistics
from importlib import resources
from pathlib import Path

from . import verdicts as v
from .errors import NlpPPError
from .mecab_engine import cpu_count
from .settings import get_device

__all__ = [
    "FULL_MODE_FILE",
    "PADDING",
    "RECORD_FORMAT",
    "SEED_SETUPS",
    "conditions_table",
    "conditions_verdict",
    "device_text",
    "full_mode_record",
    "padding_table",
    "padding_verdict",
    "run_size",
    "seed_ids",
    "seeds_table",
    "seeds_verdict",
    "speed_verdict",
    "step_seconds",
    "times_sentence",
]

FULL_MODE_FILE = "full_mode.json"
RECORD_FORMAT = 2
SCRIPT = "benchmarks/full_mode.py"
# 6장의 조건 이름 (experiment.CONDITIONS와 같습니다: 테스트가 확인합니다)
CELLS = ("RNN", "LSTM", "GRU")
GATED = tuple(f"{m}_{e}" for m in CELLS[1:] for e in ("랜덤 초기화", "사전훈련"))
FIX = "+게이트 편향"  # 6장이 처방 조건에 붙이는 꼬리: 'LSTM_사전훈련+게이트 편향'
# 7장 1절의 다섯 가지 입력 (랜덤 초기화 RNN): 이름 -> 기록 속 실행의 이름
PADDING = {"뒤쪽 패딩": "padding/post", "앞쪽 패딩": "padding/pre",
           "패킹": "padding/packed", "길이 버킷팅": "padding/bucket",
           "길이 버킷팅+패킹": "padding/bucket+packed"}
# 7장 3절의 시드 실험: 기록 속 이름 -> 설명 (LSTM과 GRU, 랜덤 초기화 임베딩)
SEED_SETUPS = {"lecture": "강의 설정", "fix+bucket": "게이트 편향 처방 + 길이 버킷팅"}
NO_RECORD = "full 모드 기록(nlp_pp/resources/full_mode.json)이 아직 없어"
# 두 실행의 크기를 견줄 때 쓰는 항목: (키, 이름, 서식)
_SIZES = (("source", "데이터", "{}"), ("n_train", "훈련 메시지", "{:,}통"),
          ("epochs", "에포크", "{}"), ("batch_size", "배치", "{}"),
          ("updates", "매개변수 갱신", "{:,}번"), ("emb_dim", "임베딩", "{}차원"),
          ("hid_dim", "은닉 크기", "{}"), ("context_length", "길이", "{}"),
          ("device", "장치", "{}"))
_SOURCES = {"offline": "오프라인 말뭉치"}


def device_text(device=None) -> str:
    """Return a device in words: 'CPU (2코어)' or 'GPU (NVIDIA H100 80GB HBM3)'."""
    import torch

    device = get_device(None if device is None else str(device))
    if device.type == "cuda":
        return f"GPU ({torch.cuda.get_device_name(device)})"
    cores, threads = cpu_count(), torch.get_num_threads()
    if threads < cores:  # 코어를 다 쓰지 않았다면 그것도 밝힙니다
        return f"CPU ({cores}코어 중 {threads}개 사용)"
    return f"CPU ({cores}코어)"


def full_mode_record(path=None) -> dict | None:
    """Return the full-mode record (the package's own unless `path`), None if absent.

    A file that is there but is not a record this book can read raises NlpPPError:
    a broken record must not pass for a missing one.
    """
    if path is None:
        path = resources.files(__package__) / "resources" / FULL_MODE_FILE
    else:
        path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise NlpPPError(
            f"full 모드 기록 {path}을(를) JSON으로 읽을 수 없습니다({err}). "
            f"{SCRIPT}로 다시 만드세요.",
            f"The full-mode record {path} is not valid JSON ({err}); remake it with "
            f"{SCRIPT}.") from None
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        raise NlpPPError(
            f"full 모드 기록 {path}의 형식이 이 책이 읽는 형식({RECORD_FORMAT})이 "
            f"아닙니다. {SCRIPT}로 다시 만드세요.",
            f"The full-mode record {path} is not in format {RECORD_FORMAT}; remake it "
            f"with {SCRIPT}.")
    return record


def run_size(prep, device=None) -> dict:
    """Return what sets a run's budget: data, epochs, batch, updates, sizes, device."""
    cfg = prep.cfg
    n_train = len(prep.labels["train"])
    return {"mode": cfg.mode, "source": prep.source, "n_train": n_train,
            "epochs": cfg.epochs, "batch_size": cfg.batch_size,
            "updates": -(-n_train // cfg.batch_size) * cfg.epochs,
            "emb_dim": cfg.emb_dim, "hid_dim": cfg.hid_dim,
            "context_length": cfg.context_length, "device": device_text(device)}


def seed_ids(setup: str, cell: str, seeds) -> list:
    """Return the record's names of one seed experiment's runs, in seed order."""
    return [f"seeds/{setup}/{cell}/{seed}" for seed in seeds]


# --- 기록을 읽는 작은 도구 ---------------------------------------------------------


def _label(record: dict) -> str:
    """Return how the pages name the record."""
    return "시험 기록" if record.get("smoke") else "full 모드 기록"


def _acc(record: dict, run_id: str) -> float:
    return float(record["runs"][run_id]["test_acc"])


def _rate(majority: float) -> str:
    return f"다수 클래스 비율({v.pct(majority)})"


def _ok(record: dict, accs: dict) -> dict:
    """Return {name: learned?} judged against the record's own majority rate."""
    data = record["data"]
    return {k: v.learned(a, data["majority"], data["n_test"]) for k, a in accs.items()}


def _how_many(ok: dict, rate: str) -> str:
    """Return how many of `ok` learned, as a clause: '4개 모두 …을 뚜렷이 넘었습니다'."""
    n, k = len(ok), sum(ok.values())
    if k == n:
        return f"{n}개 모두 {rate}을 뚜렷이 넘었습니다"
    if k == 0:
        return f"{n}개 가운데 하나도 {rate}을 뚜렷이 넘지 못했습니다"
    names = ", ".join(name for name, good in ok.items() if good)
    return f"{n}개 가운데 {k}개({names})만 {rate}을 뚜렷이 넘었습니다"


def _duration(seconds: float) -> str:
    """Return '42초', '약 12분' or '약 1시간 5분'."""
    if seconds < 90:
        return f"{seconds:.0f}초"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"약 {minutes}분"
    return f"약 {minutes // 60}시간" + (f" {minutes % 60}분" if minutes % 60 else "")


def _origin(record: dict) -> str:
    """Return where, when and how the record was made (a clause ending in '잰 것입니다')."""
    cfg, size, data = record["config"], record["size"], record["data"]
    how = ("시험용으로 아주 작게 줄여(--smoke)" if record.get("smoke")
           else "full 모드의 크기로")
    source = _SOURCES.get(data["source"], "실제 spam_SNS.csv")
    return (f"{record['date']}에 {record['device']}에서 {SCRIPT}가 {how} 잰 것입니다"
            f"({source}, 훈련 메시지 {size['n_train']:,}통, {cfg['epochs']}에포크, "
            f"배치 {cfg['batch_size']}, 길이 {cfg['context_length']}, 은닉 크기 "
            f"{cfg['hid_dim']}, 테스트 {data['n_test']}통, 다수 클래스 비율 "
            f"{v.pct(data['majority'])})")


def _differences(this: dict, record: dict) -> str:
    """Return a sentence on how this run and the record differ (this run first)."""
    parts = []
    for key, name, fmt in _SIZES:
        a, b = this.get(key), record["size"].get(key)
        if a == b:
            continue
        if key == "source":
            a, b = (_SOURCES.get(s, "실제 spam_SNS.csv") for s in (a, b))
            if a == b:
                continue
        parts.append(f"{name} {fmt.format(a)} 대 {fmt.format(b)}")
    if not parts:
        return "두 실행은 데이터와 설정, 장치가 모두 같습니다"
    return "두 실행은 이렇게 다릅니다(이번 실행 대 기록): " + ", ".join(parts)


def _median_epoch(record: dict, run_id: str) -> float:
    return float(statistics.median(record["runs"][run_id]["epoch_seconds"]))


# --- 6장: 여섯 조건과 게이트 편향 ----------------------------------------------------


def _styled(rows: dict):
    """Return rows {name: {column: value}} as a table: accuracies in %, seconds 0.00."""
    import pandas as pd

    table = pd.DataFrame(rows).T.rename_axis("테스트 정확도")
    seconds = [c for c in table.columns if c.endswith("초") or "초 (" in c]
    return table.style.format("{:.1%}").format("{:.2f}", subset=seconds)


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


# --- 7장: 패딩을 고치는 방법과 시드 ----------------------------------------------------


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
    out = [f"{record['device']}에서 잰 {label}({record['config']['epochs']}에포크, 배치 "
           f"{record['config']['batch_size']})에서는 뒤쪽 패딩 RNN이 {v.pct(post)}로 "
           f"{v.vs_majority(post, data['majority'], data['n_test'])}",
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
    out = [f"{record['device']}에서 잰 {label}에서 {rate}을 뚜렷이 넘은 시드는 강의 "
           f"설정(기본 초기화, 뒤쪽 패딩)의 LSTM이 {n}개 가운데 {k['LSTM']}개, GRU가 "
           f"{k['GRU']}개였습니다({vals}). {tail}",
           f"게이트 편향 처방과 길이 버킷팅을 함께 쓰면 테스트 정확도가 {spread}"
           "(평균 ± 표준편차)였습니다"]
    k_rec = k["LSTM"]
    k_this = sum(v.learned(a, majority, n_test) for a in this_accs)
    n_this = len(this_accs)
    out.append(f"강의 설정의 LSTM이 다수 클래스 비율을 뚜렷이 넘은 시드는 이번 실행에서 "
               f"{n_this}개 가운데 {k_this}개, 기록에서 {len(seeds)}개 가운데 "
               f"{k_rec}개입니다")
    if k_this * len(seeds) != k_rec * n_this:  # 학습한 시드의 비율이 다르면
        out.append(_differences(this_size, record))
    return ". ".join(out)


# --- 강의 안내 페이지: 시간 ---------------------------------------------------------


def step_seconds(record: dict | None) -> dict:
    """Return {chapter: (step, seconds)} of the record's main steps ({} if none)."""
    if record is None:
        return {}
    sec, groups = record["seconds"], record["seconds"]["groups"]
    return {4: ("데이터 준비", sec["prepare"]),
            5: ("FastText 사전훈련", sec["fasttext"]),
            6: ("여섯 조건과 게이트 편향 학습", groups["lecture"] + groups["gate_fix"]),
            7: ("패딩과 시드 실험", groups["padding"] + groups["seeds"])}


def times_sentence(record: dict | None) -> str:
    """Return the teacher page's sentence on where the full-mode times come from."""
    if record is None:
        return (f"{NO_RECORD} full 모드 칸은 모두 '측정하지 않음'입니다. 어느 "
                f"컴퓨터에서든 python {SCRIPT}를 실행해 그 파일을 저장소에 넣으면 다음 "
                "빌드부터 이 칸이 채워집니다(README의 '측정 스크립트' 참고)")
    epoch = ", ".join(
        f"{name} {record['runs'][f'{name}_랜덤 초기화']['sec_per_epoch']:.1f}초"
        for name in CELLS)
    return (f"full 모드 칸은 {_label(record)}의 각 장 주요 단계 시간입니다(장 전체를 "
            f"실행한 시간이 아닙니다). 이 기록은 {_origin(record)}. 그 장치에서 강의 "
            f"설정의 에포크당 학습 시간은 {epoch}였고, 시드 {len(record['seeds'])}개를 "
            f"포함한 스크립트 전체는 {_duration(record['seconds']['wall'])} 걸렸습니다. "
            "'기록 없음'인 장은 그 스크립트가 따로 재지 않습니다")
