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
    "leak_verdict",
    "learned",
    "model_verdict",
    "padding_verdict",
    "pct",
    "run_sentence",
    "seed_claim_verdict",
    "seed_interval",
    "seeds_verdict",
    "source_sentence",
    "speed_verdict",
    "steps_verdict",
    "timing_sentence",
    "topic",
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


# 영문 약어는 마지막 글자를 읽는 소리로 받침을 정합니다 (L 엘, M 엠, N 엔, R 알).
_LATIN_FINAL = frozenset("LMNRlmnr")


def topic(word: str) -> str:
    """Return `word` with the right topic particle: 'RNN은', 'GRU는', '모델은'."""
    last = word.rstrip()[-1:]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28 != 0
    else:
        final = last in _LATIN_FINAL or last.isdigit() and last in "0136780"
    return f"{word}{'은' if final else '는'}"


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
        return (f"{topic(model)} 모든 임베딩에서 다수 클래스 비율({pct(majority)}) 근처에 "
                f"머물렀습니다({vals})")
    if all(ok.values()):
        return (f"{topic(model)} 모든 임베딩에서 다수 클래스 비율({pct(majority)})을 넘어 "
                f"학습했습니다({vals})")
    good = [e for e, v in ok.items() if v]
    bad = [e for e, v in ok.items() if not v]
    return (f"{topic(model)} {', '.join(good)}에서는 학습했지만 {', '.join(bad)}에서는 "
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
        return f"{topic(name)} 뒤쪽 패딩보다 에포크당 {ratio:.1f}배 빠릅니다"
    if ratio <= 1 / 1.05:
        return f"{topic(name)} 뒤쪽 패딩보다 에포크당 {1 / ratio:.1f}배 느립니다"
    return f"{topic(name)} 뒤쪽 패딩과 에포크당 시간이 거의 같습니다"


# t 분포의 97.5 % 분위수 (자유도 1~10). 시드 몇 개의 평균에 95 % 구간을 붙일 때 씁니다.
_T975 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31,
         9: 2.26, 10: 2.23}


def seed_interval(values) -> tuple[float, float]:
    """Return (mean, half-width of the 95 % t-interval) of per-seed values (n >= 2)."""
    xs = [float(x) for x in values]
    n = len(xs)
    if n < 2:
        raise ValueError("seed_interval needs at least two seeds")
    mean = sum(xs) / n
    std = (sum((x - mean) ** 2 for x in xs) / (n - 1)) ** 0.5
    t = _T975.get(n - 1, 1.96 + 2.5 / (n - 1))
    return mean, t * std / n ** 0.5


def padding_verdict(post_acc: float, fixes: dict, majority: float) -> str:
    """Return what fixing the input shape did for the RNN, fix by fix."""
    vals = ", ".join(f"{name} {pct(a)}" for name, a in fixes.items())
    good = [name for name, a in fixes.items() if learned(a, majority)]
    bad = [name for name, a in fixes.items() if not learned(a, majority)]
    post_ok = learned(post_acc, majority)
    if post_ok:
        head = (f"이번 실행에서는 뒤쪽 패딩 RNN도 {pct(post_acc)}로 다수 클래스 "
                f"비율({pct(majority)})을 넘었습니다")
    else:
        head = (f"뒤쪽 패딩 RNN은 {pct(post_acc)}로 다수 클래스 비율({pct(majority)}) "
                "근처에 머물렀습니다")
    if not bad:
        tail = f"입력만 고친 같은 RNN은 모두 학습했습니다({vals})"
        if not post_ok:
            tail += ". 문제는 RNN 자체보다 뒤쪽 패딩이라는 입력의 모양이었습니다"
    elif not good:
        tail = f"입력을 고쳐도 모두 다수 클래스 비율 근처였습니다({vals})"
    else:
        tail = (f"입력을 고친 RNN은 {', '.join(good)}에서는 학습했지만 "
                f"{', '.join(bad)}에서는 다수 클래스 비율 근처였습니다({vals})")
    return f"{head}. {tail}"


def steps_verdict(name: str, steps: int, post_steps: int) -> str:
    """Return how far `name` cuts the sequential steps of post-padding."""
    share = steps / post_steps
    if share >= 0.9:
        return (f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로, 거의 줄이지 "
                "못합니다")
    if share > 0.5:
        return f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로 줄입니다"
    return f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로 크게 줄입니다"


def seeds_verdict(setup: str, accs, majority: float) -> str:
    """Return how often one setup learned across seeds (none, some or all)."""
    accs = [float(a) for a in accs]
    n, k = len(accs), sum(learned(a, majority) for a in accs)
    vals = ", ".join(pct(a) for a in accs)
    if k == 0:
        return (f"{topic(setup)} 시드 {n}개 모두 다수 클래스 비율({pct(majority)}) "
                f"근처에 머물렀습니다({vals}). 이 예산에서는 시드를 바꿔도 학습이 "
                "시작되지 않았습니다")
    if k == n:
        return (f"{topic(setup)} 시드 {n}개 모두 다수 클래스 비율({pct(majority)})을 "
                f"넘었습니다({vals}). 이 예산에서는 강의 설정도 학습했고, 시드에 따라 "
                f"{pct(min(accs))}~{pct(max(accs))} 사이에서 달라졌습니다")
    return (f"{topic(setup)} 시드 {n}개 가운데 {k}개에서만 다수 클래스 "
            f"비율({pct(majority)})을 넘었습니다({vals}). 같은 설정이 시드에 따라 "
            "학습하기도 하고 실패하기도 합니다")


def seed_claim_verdict(diffs, lo: float = 0.05, hi: float = 0.07) -> str:
    """Return whether per-seed gaps (LSTM - GRU) support a claimed gap in [lo, hi]."""
    n = len(diffs)
    mean, half = seed_interval(diffs)
    low, high = mean - half, mean + half
    span = (f"시드 {n}개에서 LSTM − GRU는 평균 {mean:+.1%}, 95 % 구간 "
            f"{low:+.1%}~{high:+.1%}입니다")
    claim = f"주장한 {lo:.0%}~{hi:.0%}"
    if high < lo:
        if high < 0:
            why = "오히려 GRU가 더 정확했습니다"
        elif low > 0:
            why = "LSTM이 조금 더 정확하지만 그 차이는 주장보다 작습니다"
        else:
            why = "두 모델의 차이가 0과 구별되지 않습니다"
        return (f"{span}. 구간 전체가 {claim}보다 작고, {why}. 이번 실행은 그 주장을 "
                "뒷받침하지 않습니다")
    if low > hi:
        return (f"{span}. 구간 전체가 {claim}보다 커서, LSTM이 주장보다도 더 크게 "
                "앞섰습니다")
    if low <= 0:
        return (f"{span}. 구간이 {claim}와 0을 함께 덮으므로, 시드 {n}개의 흔들림으로는 "
                "그 주장을 확인하지도 기각하지도 못합니다")
    return (f"{span}. 구간이 0보다 크고 {claim}와 겹치므로, 이번 실행의 결과는 그 "
            "주장과 맞습니다")


def leak_verdict(gap: float, spread: float, n_test: int) -> str:
    """Return whether a leaky-minus-clean accuracy gap exceeds the seed spread."""
    tol = max(2 * spread, 1 / n_test) + 1e-9  # 메시지 한 통 차이는 언제나 흔들림 안
    msgs = abs(round(gap * n_test))
    head = f"차이 {gap:+.1%}(테스트 메시지 {msgs}통)는"
    if abs(gap) <= tol:
        return (f"{head} 시드 사이 흔들림(표준편차 {pct(spread)})의 두 배 안에 "
                "있으므로, 이 데이터에서 누수가 결과를 눈에 띄게 바꾸었다고 볼 수 "
                "없습니다")
    if gap > 0:
        return (f"{head} 시드 사이 흔들림(표준편차 {pct(spread)})의 두 배보다 크므로, "
                "이 데이터에서는 누수가 테스트 정확도를 부풀렸다고 봐야 합니다")
    return (f"{head} 시드 사이 흔들림(표준편차 {pct(spread)})의 두 배보다 크지만 "
            "방향이 반대입니다. 훈련 데이터만 쓴 쪽이 더 정확했으므로, 누수가 정확도를 "
            "부풀렸다는 증거는 아닙니다")
