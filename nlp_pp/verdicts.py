"""Sentences for the book that are true for whichever outcome a run produced.

A chapter never writes prose for the one outcome its author happened to see: it
measures, calls one of these functions and glues the sentence that comes back.
"""

from __future__ import annotations

__all__ = [
    "MAJORITY_MARGIN",
    "baseline_verdict",
    "claim_verdict",
    "fix_verdict",
    "gated_verdict",
    "learned",
    "model_verdict",
    "pct",
    "run_sentence",
    "source_sentence",
    "speed_verdict",
    "timing_sentence",
]

# 다수 클래스 비율보다 이만큼(5 %포인트) 넘게 높아야 "학습했다"고 말합니다.
MAJORITY_MARGIN = 0.05

SOURCES = {
    "offline": "nlp_pp가 만든 오프라인 한국어 문자 말뭉치(실제 spam_SNS.csv를 받을 수 "
               "없을 때 쓰는 대체 데이터)",
    "file": "실제 데이터 spam_SNS.csv",
    "cache": "실제 데이터 spam_SNS.csv",
    "download": "실제 데이터 spam_SNS.csv",
}


def pct(x: float) -> str:
    """Return a share as a percent string with one decimal ('97.3%')."""
    return f"{x:.1%}"


def learned(acc: float, majority: float, margin: float = MAJORITY_MARGIN) -> bool:
    """Return True if `acc` is clearly above the majority-class rate."""
    return acc > majority + margin


def source_sentence(source: str) -> str:
    """Return what data a run used, in Korean."""
    return SOURCES.get(source, "직접 넘긴 데이터프레임")


def run_sentence(mode: str, device, source: str) -> str:
    """Return one sentence naming the mode, the device and the data of this run."""
    kind = "CPU" if str(device).startswith("cpu") else "GPU"
    size = ("강의 설정 그대로인 full 모드" if mode == "full"
            else "강의 설정에서 크기(데이터·에포크·배치·차원)만 줄인 quick 모드")
    return (f"이 페이지의 숫자는 {size}로, {kind}에서, {source_sentence(source)}로 "
            "계산했습니다")


def timing_sentence(device, device_name: str | None = None) -> str:
    """Return where the times in a table were measured."""
    if str(device).startswith("cpu"):
        return ("표의 시간은 이번 실행의 CPU에서 잰 값입니다. GPU에서는 같은 계산이 "
                "훨씬 빨리 끝납니다")
    name = f"({device_name})" if device_name else ""
    return f"표의 시간은 이번 실행의 GPU{name}에서 잰 값입니다"


def model_verdict(model: str, accs: dict, majority: float) -> str:
    """Return how one model did with each embedding, against the majority rate."""
    ok = {emb: learned(a, majority) for emb, a in accs.items()}
    vals = ", ".join(f"{emb} {pct(a)}" for emb, a in accs.items())
    if not any(ok.values()):
        return (f"{model}은(는) 모든 임베딩에서 다수 클래스 비율({pct(majority)}) 근처에 "
                f"머물렀습니다({vals})")
    if all(ok.values()):
        return (f"{model}은(는) 모든 임베딩에서 다수 클래스 비율({pct(majority)})을 넘어 "
                f"학습했습니다({vals})")
    good = [e for e, v in ok.items() if v]
    bad = [e for e, v in ok.items() if not v]
    return (f"{model}은(는) {', '.join(good)}에서는 학습했지만 {', '.join(bad)}에서는 "
            f"다수 클래스 비율({pct(majority)}) 근처에 머물렀습니다({vals})")


def gated_verdict(accs: dict, majority: float) -> str:
    """Return the story of the gated (LSTM/GRU) conditions of the lecture's setup."""
    n_ok = sum(learned(a, majority) for a in accs.values())
    n = len(accs)
    if n_ok == 0:
        return (f"이번 실행에서는 LSTM과 GRU도 강의 설정 그대로는 학습을 시작하지 "
                f"못했습니다. {n}개 조건 모두 다수 클래스 비율({pct(majority)}) 근처입니다. "
                "게이트가 있어도 이 예산(데이터와 에포크)으로는 수백 칸의 패딩을 건너 "
                "기억과 기울기를 전하지 못한 것입니다")
    if n_ok == n:
        return (f"이번 실행에서는 LSTM과 GRU가 강의 설정 그대로도 {n}개 조건 모두 다수 "
                f"클래스 비율({pct(majority)})을 넘었습니다. 다만 7장에서 보듯 이 결과는 "
                "시드와 학습 예산에 따라 달라질 수 있습니다")
    return (f"이번 실행에서는 LSTM·GRU {n}개 조건 가운데 {n_ok}개만 다수 클래스 "
            f"비율({pct(majority)})을 넘었습니다. 같은 구조가 조건에 따라 되기도 하고 "
            "안 되기도 한다는 것, 즉 강의 설정이 불안정하다는 뜻입니다")


def fix_verdict(before: dict, after: dict, majority: float) -> str:
    """Return what the gate-bias fix changed, condition by condition."""
    n = len(after)
    ok_before = sum(learned(before[k], majority) for k in after)
    ok_after = sum(learned(a, majority) for a in after.values())
    lo, hi = min(after.values()), max(after.values())
    change = (f"다수 클래스 비율을 넘은 조건이 {n}개 중 {ok_before}개에서 "
              f"{ok_after}개가 되었습니다")
    if ok_after == n:
        return (f"게이트 편향을 초기화하자 {change}. 정확도는 {pct(lo)}~{pct(hi)}입니다")
    if ok_after > ok_before:
        return (f"게이트 편향을 초기화하자 {change}. 모두 고쳐지지는 않았습니다"
                f"(최저 {pct(lo)})")
    return (f"게이트 편향을 초기화해도 {change}. 이번 예산에서는 이 처방만으로 "
            "부족했습니다")


def baseline_verdict(best_key: str, best_acc: float, best_seconds: float,
                     base_acc: float, base_seconds: float, n_test: int) -> str:
    """Return an honest answer to 'is the recurrent network worth it here?'."""
    diff = round((best_acc - base_acc) * n_test)
    ratio = best_seconds / max(base_seconds, 1e-9)
    cost = f"학습 시간은 순환 신경망이 약 {ratio:,.0f}배 깁니다"
    if diff <= 0:
        return (f"이 데이터에서는 TF-IDF+로지스틱 회귀({pct(base_acc)})가 가장 좋은 "
                f"순환 신경망 {best_key}({pct(best_acc)})와 같거나 더 정확하고, {cost}. "
                "어떤 단어가 나오느냐만으로 답이 갈리는 과제에서는 순환 신경망이 "
                "비용만큼의 값을 하지 못합니다")
    return (f"가장 좋은 순환 신경망 {best_key}({pct(best_acc)})가 TF-IDF+로지스틱 "
            f"회귀({pct(base_acc)})보다 테스트 메시지 {diff}통을 더 맞혔고, {cost}. "
            "그 차이가 비용만큼 가치 있는지는 과제가 정합니다")


def claim_verdict(gaps: dict, lo: float = 0.05, hi: float = 0.07) -> str:
    """Return whether the notes' 'GRU is 5-7 % less accurate' held in this run."""
    if all(lo <= g <= hi for g in gaps.values()):
        return "이번 실행에서도 그 정도 차이가 났습니다"
    return "이번 실행의 결과는 그 주장을 뒷받침하지 않습니다"


def speed_verdict(name: str, ratio: float) -> str:
    """Return '<name> is r× faster/slower per epoch than post-padding'."""
    if ratio >= 1.05:
        return f"{name}은(는) 뒤쪽 패딩보다 에포크당 {ratio:.1f}배 빠릅니다"
    if ratio <= 1 / 1.05:
        return f"{name}은(는) 뒤쪽 패딩보다 에포크당 {1 / ratio:.1f}배 느립니다"
    return f"{name}은(는) 뒤쪽 패딩과 에포크당 시간이 거의 같습니다"
