"""Sentences about a run itself: its data, mode and device, speed, steps, cost."""

from __future__ import annotations

from ..korean import particle, pct, topic

SOURCES = {
    "offline": "nlp_pp가 만든 오프라인 한국어 문자 말뭉치(실제 spam_SNS.csv를 받을 수 "
               "없을 때 쓰는 대체 데이터)",
    "file": "실제 데이터 spam_SNS.csv",
    "cache": "실제 데이터 spam_SNS.csv",
    "download": "실제 데이터 spam_SNS.csv",
}


def source_sentence(source: str) -> str:
    """Return what data a run used, in Korean."""
    return SOURCES.get(source, "직접 넘긴 데이터프레임")


def run_sentence(mode: str, device, source: str) -> str:
    """Return one sentence naming the mode, the device and the data of this run."""
    kind = "CPU" if str(device).startswith("cpu") else "GPU"
    size = ("강의 노트의 설정(은닉 크기는 노트에 없어 강좌가 정한 128)인 full 모드"
            if mode == "full"
            else "full 모드에서 크기(데이터·에포크·배치·차원)만 줄인 quick 모드")
    return (f"이 페이지의 숫자는 {size}로, {kind}에서, "
            f"{particle(source_sentence(source), '로')} 계산했습니다")


def timing_sentence(device, device_name: str | None = None) -> str:
    """Return where the times in a table were measured."""
    if str(device).startswith("cpu"):
        return ("표의 시간은 이번 실행의 CPU에서 잰 값입니다. GPU에서는 같은 계산이 "
                "훨씬 빨리 끝납니다")
    name = f"({device_name})" if device_name else ""
    return f"표의 시간은 이번 실행의 GPU{name}에서 잰 값입니다"


def _times(ratio: float) -> str:
    """Return 'n배' with one decimal below 10 and none above."""
    return f"{ratio:,.0f}배" if ratio >= 9.95 else f"{ratio:.1f}배"


def baseline_verdict(best_key: str, best_acc: float, best_seconds: float,
                     base_acc: float, base_seconds: float, n_test: int) -> str:
    """Return an honest answer to 'is the recurrent network worth it here?'."""
    diff = round((best_acc - base_acc) * n_test)
    ratio = best_seconds / max(base_seconds, 1e-9)
    slower = ratio >= 1.05
    if slower:
        cost = f"학습 시간은 순환 신경망이 약 {_times(ratio)} 깁니다"
    elif ratio <= 1 / 1.05:
        cost = f"학습 시간은 오히려 순환 신경망이 약 {_times(1 / ratio)} 짧습니다"
    else:
        cost = "학습 시간은 둘이 비슷합니다"
    rnn = f"검증 정확도로 고른 순환 신경망 {best_key}({pct(best_acc)})"
    base = f"TF-IDF+로지스틱 회귀({pct(base_acc)})"
    if diff > 0:
        head = (f"{particle(rnn, '가')} {base}보다 테스트 메시지 {diff}통을 더 "
                f"맞혔고, {cost}")
        tail = ("그 차이가 비용만큼 가치 있는지는 과제가 정합니다" if slower else
                "이 데이터에서는 순환 신경망이 더 정확하면서 비용도 크지 않았습니다")
        return f"{head}. {tail}"
    if diff == 0:
        head = f"{particle(base, '과')} {particle(rnn, '이')} 테스트 메시지를 같은 수만큼 맞혔고"
    else:
        head = (f"{particle(base, '가')} {rnn}보다 테스트 메시지 {-diff}통을 더 "
                "맞혔고")
    tail = ("어떤 단어가 나오느냐만으로 답이 갈리는 과제에서는 순환 신경망이 비용만큼의 "
            "값을 하지 못합니다" if slower else
            "이 데이터에서는 순서를 보지 않는 단순한 모델로도 충분했습니다")
    return f"이 데이터에서는 {head}, {cost}. {tail}"


def _same_speed(ratio: float) -> bool:
    """Return True when a speed ratio would print as 1.0 either way."""
    return f"{ratio:.1f}" == "1.0" and f"{1 / ratio:.1f}" == "1.0"


def speed_verdict(name: str, ratio: float) -> str:
    """Return '<name> is r× faster/slower per epoch than post-padding'."""
    if not ratio > 0:
        raise ValueError(f"속도 비율은 양수여야 합니다 / ratio must be positive: {ratio}")
    if ratio >= 1.05 and not _same_speed(ratio):
        return f"{topic(name)} 뒤쪽 패딩보다 에포크당 {ratio:.1f}배 빠릅니다"
    if ratio <= 1 / 1.05 and not _same_speed(ratio):
        return f"{topic(name)} 뒤쪽 패딩보다 에포크당 {1 / ratio:.1f}배 느립니다"
    return f"{topic(name)} 뒤쪽 패딩과 에포크당 시간이 거의 같습니다"


def steps_verdict(name: str, steps: int, post_steps: int) -> str:
    """Return how far `name` cuts the sequential steps of post-padding."""
    share = steps / post_steps
    if steps > post_steps:
        return f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로 오히려 늘립니다"
    if steps == post_steps:
        return f"{topic(name)} 순차 단계를 뒤쪽 패딩과 똑같이 밟아, 하나도 줄이지 못합니다"
    if share >= 0.9:
        return (f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로, 거의 줄이지 "
                "못합니다")
    if share > 0.5:
        return f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로 줄입니다"
    return f"{topic(name)} 순차 단계를 뒤쪽 패딩의 {pct(share)}로 크게 줄입니다"
