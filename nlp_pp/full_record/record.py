"""The full-mode record itself: where it is, how to read it, its small helpers."""

from __future__ import annotations

import json
import statistics
from importlib import resources
from pathlib import Path

from .. import verdicts as v
from ..errors import NlpPPError
from ..mecab_engine import cpu_count
from ..settings import get_device

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
        path = resources.files("nlp_pp") / "resources" / FULL_MODE_FILE
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


def _styled(rows: dict):
    """Return rows {name: {column: value}} as a table: accuracies in %, seconds 0.00."""
    import pandas as pd

    table = pd.DataFrame(rows).T.rename_axis("테스트 정확도")
    seconds = [c for c in table.columns if c.endswith("초") or "초 (" in c]
    return table.style.format("{:.1%}").format("{:.2f}", subset=seconds)
