"""Sentences for the book that are true for whichever outcome a run produced.

A chapter never writes prose for the one outcome its author happened to see: it
measures, calls one of these functions and glues the sentence that comes back.
"""

from __future__ import annotations

from .stats import (
    HIGHER,
    LOWER,
    MAJORITY_MARGIN,
    SIMILAR,
    Comparison,
    compare,
    hits,
    learned,
    majority_margin,
    relation,
    seed_interval,
    standing,
)

__all__ = [
    "MAJORITY_MARGIN",
    "baseline_verdict",
    "claim_verdict",
    "fix_verdict",
    "gated_verdict",
    "leak_verdict",
    "learned",
    "majority_margin",
    "model_verdict",
    "padding_verdict",
    "paired_sentence",
    "particle",
    "pct",
    "pp_diff",
    "pretrain_verdict",
    "run_sentence",
    "seed_claim_verdict",
    "seed_interval",
    "seeds_verdict",
    "source_sentence",
    "speed_verdict",
    "steps_verdict",
    "timing_sentence",
    "topic",
    "vs_majority",
]

# "학습했다", "높다", "비슷하다"를 가르는 잣대는 모두 nlp_pp.stats 한 곳에 있습니다.

SOURCES = {
    "offline": "nlp_pp가 만든 오프라인 한국어 문자 말뭉치(실제 spam_SNS.csv를 받을 수 "
               "없을 때 쓰는 대체 데이터)",
    "file": "실제 데이터 spam_SNS.csv",
    "cache": "실제 데이터 spam_SNS.csv",
    "download": "실제 데이터 spam_SNS.csv",
}

# 조사 쌍: (받침 있을 때, 받침 없을 때). 어느 쪽으로 불러도 됩니다.
_PAIRS = (("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"),
          ("이다", "다"), ("이나", "나"))
_PARTICLES = {p: pair for pair in _PAIRS for p in pair}
# 영문 글자는 읽는 이름의 끝소리로 정합니다 (L 엘, M 엠, N 엔, R 알; 나머지는 받침 없음).
_LATIN_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
# 숫자: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 (10 십, 100 백, 1000 천도 받침이 있습니다)
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}


# 읽지 않는 닫는 글자: 따옴표, 백틱, 대괄호, 중괄호 ("'줄어든다'" → 줄어든다, "[1, 2]" → 2)
_SILENT_CLOSERS = "'\"`’”」』]}"


def _strip_closers(text: str) -> str:
    """Return `text` without silent closing marks and parenthesised tails at its end."""
    while text:
        stripped = text.rstrip().rstrip(_SILENT_CLOSERS).rstrip()
        if stripped != text:
            text = stripped
            continue
        if not text.endswith(")"):
            break
        depth, i = 0, len(text)  # 'LSTM(97.0%)' → 'LSTM': 괄호 안은 읽지 않습니다
        while i:
            i -= 1
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                break
        if depth or not text[:i].strip():
            return text[:-1]  # 짝이 없거나 괄호뿐이면('(3, 4)') 괄호 안을 읽습니다
        text = text[:i].rstrip()
    return text


def _final(word: str) -> str:
    """Return the final consonant heard at the end of `word` ('' if none, 'ㄹ' ...)."""
    text = _strip_closers(str(word).rstrip()) or str(word).rstrip()
    last = text[-1:]
    if not last:
        raise ValueError(f"조사를 붙일 단어가 비었습니다 / empty word: {word!r}")
    if "가" <= last <= "힣":
        index = (ord(last) - 0xAC00) % 28
        return "" if index == 0 else ("ㄹ" if index == 8 else "ㅁ")  # ㅁ: 그 밖의 받침
    if last.isdigit():
        return _DIGIT_FINAL.get(last, "")
    return _LATIN_FINAL.get(last.lower(), "")


def particle(word: str, kind: str) -> str:
    """Return `word` with the right form of a particle: particle('LSTM', '가') == 'LSTM이'.

    `kind` names either form of 은/는, 이/가, 을/를, 과/와, (으)로, (이)다, (이)나. Latin
    letters read by their names (L 엘, M 엠, N 엔, R 알), digits by their Korean
    reading (2 이, 10 십: '2는', '10은'), a closing parenthesis is skipped with what
    it holds ('GRU(90.0%)' takes GRU's particle), and closing quotes, backticks and
    brackets are not read ("'줄어든다'" takes 줄어든다's, "`답`" takes 답's).
    """
    if kind not in _PARTICLES:
        raise ValueError(f"모르는 조사입니다 / unknown particle: {kind!r}")
    with_final, without = _PARTICLES[kind]
    final = _final(word)
    if with_final == "으로":
        return word + ("으로" if final and final != "ㄹ" else "로")
    return word + (with_final if final else without)


def topic(word: str) -> str:
    """Return `word` with the right topic particle: 'RNN은', 'GRU는', '모델은'."""
    return particle(word, "은")


def pct(x: float) -> str:
    """Return a share as a percent string with one decimal ('97.3%')."""
    return f"{x:.1%}"


def pp_diff(x: float, sign: bool = True, digits: int = 1) -> str:
    """Return a difference (or spread) of shares in percentage points ('+5.2 %p')."""
    return f"{x * 100:{'+' if sign else ''}.{digits}f} %p"


def _standing(acc: float, majority: float, n_test: int | None) -> str:
    """Return 'above', 'near' or 'below' the majority rate."""
    return standing(acc, majority, n_test)


def _short_of(accs, majority: float, n_test: int | None) -> str:
    """Return how accuracies that did not learn stand: near, below, or some of each."""
    where = {_standing(a, majority, n_test) for a in accs}
    rate = f"다수 클래스 비율({pct(majority)})"
    if where == {"near"}:
        return f"{rate} 근처에 머물렀습니다"
    if where == {"below"}:
        return f"{rate}보다도 뚜렷이 낮았습니다"
    return f"{rate}을 뚜렷이 넘지 못했습니다"


def vs_majority(acc: float, majority: float, n_test: int | None = None) -> str:
    """Return how one accuracy stands against the majority rate, as a sentence end."""
    if learned(acc, majority, n_test):
        return f"다수 클래스 비율({pct(majority)})을 뚜렷이 넘었습니다"
    return _short_of([acc], majority, n_test)


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


def model_verdict(model: str, accs: dict, majority: float,
                  n_test: int | None = None) -> str:
    """Return how one model did with each embedding, against the majority rate."""
    ok = {emb: learned(a, majority, n_test) for emb, a in accs.items()}
    vals = ", ".join(f"{emb} {pct(a)}" for emb, a in accs.items())
    bad = [e for e, v in ok.items() if not v]
    if not bad:
        return (f"{topic(model)} 모든 임베딩에서 다수 클래스 비율({pct(majority)})을 "
                f"뚜렷이 넘어 학습했습니다({vals})")
    short = _short_of([accs[e] for e in bad], majority, n_test)
    if len(bad) == len(ok):
        return f"{topic(model)} 모든 임베딩에서 {short}({vals})"
    good = [e for e, v in ok.items() if v]
    return (f"{topic(model)} {', '.join(good)}에서는 학습했지만 {', '.join(bad)}에서는 "
            f"{short}({vals})")


def _split_key(key: str) -> tuple[str, str]:
    """Return (model, embedding) of a condition key such as 'LSTM_사전훈련'."""
    model, _, emb = key.partition("_")
    return model, emb


def _clean_split(ok: dict, part: int) -> bool:
    """Return True if the outcome depends only on part 0 (model) or 1 (embedding)."""
    seen = {}
    for key, passed in ok.items():
        if seen.setdefault(_split_key(key)[part], passed) != passed:
            return False
    return len(set(seen.values())) == 2


def gated_verdict(accs: dict, majority: float, rnn: dict | None = None,
                  n_test: int | None = None) -> str:
    """Return the story of the gated (LSTM/GRU) conditions of the lecture's setup.

    `accs` maps condition keys ('LSTM_사전훈련', ...) to test accuracies; `rnn`, the
    RNN's accuracies of the same run, if known, so the sentence can compare with it.
    """
    ok = {k: learned(a, majority, n_test) for k, a in accs.items()}
    n, n_ok = len(ok), sum(ok.values())
    rate = f"다수 클래스 비율({pct(majority)})"
    if n_ok == 0:
        rnn_ok = None if rnn is None else any(learned(a, majority, n_test)
                                              for a in rnn.values())
        who = {None: "LSTM과 GRU는", False: "LSTM과 GRU도",
               True: "RNN이 학습했는데도 LSTM과 GRU는"}[rnn_ok]
        return (f"이번 실행에서는 {who} 강의 설정 그대로는 학습을 시작하지 "
                f"못했습니다. {n}개 조건 모두 "
                f"{_short_of(accs.values(), majority, n_test)}. 게이트가 있어도 이 "
                "예산(데이터와 에포크)으로는 메시지 뒤의 긴 패딩 구간을 건너 기억과 "
                "기울기를 전하지 못했습니다")
    if n_ok == n:
        return (f"이번 실행에서는 LSTM과 GRU가 강의 설정 그대로도 {n}개 조건 모두 "
                f"{rate}을 뚜렷이 넘었습니다. 다만 7장에서 보듯 이 결과는 시드와 학습 "
                "예산에 따라 달라질 수 있습니다")
    passed = ", ".join(k for k, v in ok.items() if v)
    head = (f"이번 실행에서는 LSTM·GRU {n}개 조건 가운데 {n_ok}개({passed})만 "
            f"{rate}을 뚜렷이 넘었습니다")
    named = all("_" in k for k in ok)  # 'LSTM_사전훈련'처럼 구조_임베딩인 키
    for part, what in ((0, "구조"), (1, "임베딩")):
        if named and _clean_split(ok, part):
            good = sorted({_split_key(k)[part] for k, v in ok.items() if v})
            bad = sorted({_split_key(k)[part] for k, v in ok.items() if not v})
            return (f"{head}. {', '.join(good)} 조건은 모두 넘고 "
                    f"{', '.join(bad)} 조건은 모두 넘지 못해, 결과가 {what}에 따라 "
                    "갈렸습니다. 다만 한 번의 실행이므로 이것이 "
                    f"{what}의 차이인지 시드의 우연인지는 7장에서 시드를 바꿔 봐야 "
                    "압니다")
    return (f"{head}. 결과가 구조로도 임베딩으로도 깔끔하게 갈리지 않으므로, 이 예산에서 "
            "강의 설정은 학습이 시작되느냐 마느냐의 문턱에 걸쳐 있습니다. 7장에서 시드를 "
            "바꿔 얼마나 흔들리는지 잽니다")


def fix_verdict(before: dict, after: dict, majority: float,
                n_test: int | None = None) -> str:
    """Return what the gate-bias fix changed, condition by condition."""
    n = len(after)
    ok_before = sum(learned(before[k], majority, n_test) for k in after)
    ok_after = sum(learned(a, majority, n_test) for a in after.values())
    lo, hi = min(after.values()), max(after.values())
    span = pct(lo) if lo == hi else f"{pct(lo)}~{pct(hi)}"
    count = f"다수 클래스 비율({pct(majority)})을 뚜렷이 넘은 조건"
    if ok_after > ok_before:
        head = (f"게이트 편향을 초기화하자 {count}이 {n}개 중 {ok_before}개에서 "
                f"{ok_after}개로 늘었습니다")
        if ok_after == n:
            return f"{head}. 정확도는 {span}입니다"
        return f"{head}. 모두 고쳐지지는 않았습니다(정확도 {span})"
    if ok_after < ok_before:
        return (f"게이트 편향을 초기화하자 오히려 {count}이 {n}개 중 {ok_before}개에서 "
                f"{ok_after}개로 줄었습니다(정확도 {span}). 이번 실행에서 이 처방은 "
                "학습을 돕지 못하고 방해했습니다")
    if ok_after == n:
        return (f"게이트 편향을 초기화하기 전에도 뒤에도 {count}은 {n}개 모두입니다"
                f"(처방 뒤 정확도 {span}). 이번 예산에서는 처방 없이도 학습이 "
                "시작되었으므로, 이 실행만으로는 처방의 효과를 말할 수 없습니다")
    tail = ("이번 예산에서는 이 처방만으로 부족했습니다" if ok_after == 0 else
            "처방이 학습한 조건의 수를 바꾸지 못했습니다")
    return (f"게이트 편향을 초기화해도 {count}은 {n}개 중 {ok_before}개 그대로입니다"
            f"(처방 뒤 정확도 {span}). {tail}")


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


def _yardstick(c: Comparison) -> str:
    """Return what a comparison measured the gap against, in words."""
    if c.kind == "paired":
        test = (f"같은 테스트 메시지에서 짝지은 비교(한쪽만 맞힌 메시지 "
                f"{c.only_a}통 대 {c.only_b}통)")
    else:
        test = "두 정확도를 독립으로 본 테스트 데이터의 우연(2·√2·SE)"
    if c.seed_std > 0:
        test = (f"{particle(test, '과')} 시드 사이 흔들림(표준편차 "
                f"{pp_diff(c.seed_std, sign=False)})")
    return test


def _noise_text(c: Comparison) -> str:
    """Return the yardstick's size: twice the standard error, in test messages."""
    return f"표준오차의 두 배, 약 {c.noise_msgs:.1f}통"


def claim_verdict(pairs: dict, majority: float, n_test: int,
                  lo: float = 0.05, hi: float = 0.07, hits: dict | None = None) -> str:
    """Return whether 'GRU is lo-hi %p less accurate than LSTM' held in this run.

    `pairs` maps a condition name to (LSTM accuracy, GRU accuracy); `hits`, if given,
    maps it to the two models' per-message hits on the test data, so each gap is
    judged message by message (``stats.paired``) rather than as two independent
    accuracies. Only pairs where both models learned are compared: a gap between two
    models stuck at the majority rate says nothing, and a gap where one model failed
    is a failure, not a few %p.
    """
    claim = f"{lo * 100:.0f}~{hi * 100:.0f} %p"
    both, one, none = {}, {}, []
    for name, (a_lstm, a_gru) in pairs.items():
        ok = (learned(a_lstm, majority, n_test), learned(a_gru, majority, n_test))
        if all(ok):
            h = (hits or {}).get(name, (None, None))
            both[name] = compare(a_lstm, a_gru, n_test, *h)
        elif any(ok):
            one[name] = ("LSTM" if ok[0] else "GRU", a_lstm - a_gru)
        else:
            none.append(name)
    parts = []
    if both:
        gaps = ", ".join(f"{k} {pp_diff(c.gap)}" for k, c in both.items())
        inside = [lo <= c.gap <= hi for c in both.values()]
        if all(inside):
            judge = f"모두 주장한 {claim} 안에 있습니다"
        elif any(inside):
            judge = f"일부만 주장한 {claim} 안에 있습니다"
        else:
            judge = f"어느 것도 주장한 {claim} 안에 있지 않습니다"
        kinds = {c.kind for c in both.values()}
        ruler = ("같은 테스트 메시지에서 짝지은 비교" if kinds == {"paired"} else
                 "두 정확도를 독립으로 본 테스트 데이터의 우연(2·√2·SE)"
                 if kinds == {"independent"} else "테스트 데이터의 우연")
        sizes = ", ".join(f"{k} {c.gap_msgs}통 대 잣대 약 {c.noise_msgs:.1f}통"
                          for k, c in both.items())
        real = [k for k, c in both.items() if c.verdict != SIMILAR]
        if not real:
            size = (f"어느 차이도 {ruler}의 잣대(표준오차의 두 배) 안에 있어 한 번의 "
                    f"실행으로는 우연과 구별되지 않습니다({sizes})")
        elif len(real) == len(both):
            size = (f"모든 차이가 {ruler}의 잣대(표준오차의 두 배)보다 크지만, 한 번의 "
                    f"실행이라 시드의 우연일 수 있습니다({sizes})")
        else:
            size = (f"{', '.join(real)}의 차이만 {ruler}의 잣대(표준오차의 두 배)보다 "
                    f"크고 나머지는 그 안에 있습니다. 잣대보다 큰 차이도 한 번의 실행이라 "
                    f"시드의 우연일 수 있습니다({sizes})")
        parts.append(f"두 모델이 모두 학습한 조건에서 LSTM − GRU는 {gaps}로, {judge}. "
                     f"{size}")
    else:
        parts.append("두 모델이 모두 학습한 조건이 없어, 이번 실행으로는 학습한 두 "
                     "모델의 정확도 차이를 잴 수 없습니다")
    for name, (who, gap) in one.items():
        parts.append(f"{name}에서는 {who}만 학습해 차이가 {pp_diff(gap)}였지만, 이것은 "
                     "몇 %p의 우열이 아니라 한 모델이 학습에 실패한 결과입니다")
    if none:
        parts.append(f"{', '.join(none)}에서는 두 모델 모두 다수 클래스 "
                     f"비율({pct(majority)})을 뚜렷이 넘지 못해 차이를 비교하지 "
                     "않았습니다")
    return ". ".join(parts)


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


def padding_verdict(post_acc: float, fixes: dict, majority: float,
                    n_test: int | None = None) -> str:
    """Return what fixing the input shape did for the RNN, fix by fix."""
    vals = ", ".join(f"{name} {pct(a)}" for name, a in fixes.items())
    good = [name for name, a in fixes.items() if learned(a, majority, n_test)]
    bad = [name for name, a in fixes.items() if not learned(a, majority, n_test)]
    post_ok = learned(post_acc, majority, n_test)
    if post_ok:
        head = (f"이번 실행에서는 뒤쪽 패딩 RNN이 {pct(post_acc)}로 다수 클래스 "
                f"비율({pct(majority)})을 뚜렷이 넘었습니다")
    else:
        head = (f"뒤쪽 패딩 RNN은 {pct(post_acc)}로 "
                f"{_short_of([post_acc], majority, n_test)}")
    if not bad:
        also = "도" if post_ok else "은"
        tail = f"입력만 고친 같은 RNN{also} 모두 학습했습니다({vals})"
        if not post_ok:
            tail += ". 문제는 RNN 자체보다 뒤쪽 패딩이라는 입력의 모양이었습니다"
    elif not good:
        also = "은 오히려" if post_ok else "도"
        tail = (f"입력을 고친 RNN{also} 모두 "
                f"{_short_of([fixes[b] for b in bad], majority, n_test)}({vals})")
    else:
        tail = (f"입력을 고친 RNN은 {', '.join(good)}에서는 학습했지만 "
                f"{', '.join(bad)}에서는 "
                f"{_short_of([fixes[b] for b in bad], majority, n_test)}({vals})")
    return f"{head}. {tail}"


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


def seeds_verdict(setup: str, accs, majority: float,
                  n_test: int | None = None) -> str:
    """Return how often one setup learned across seeds (none, some or all)."""
    accs = [float(a) for a in accs]
    ok = [learned(a, majority, n_test) for a in accs]
    n, k = len(accs), sum(ok)
    vals = ", ".join(pct(a) for a in accs)
    rate = f"다수 클래스 비율({pct(majority)})"
    if k == 0:
        return (f"{topic(setup)} 시드 {n}개 모두 {_short_of(accs, majority, n_test)}"
                f"({vals}). 이 예산에서는 시드를 바꿔도 학습이 시작되지 않았습니다")
    if k == n:
        lo, hi = min(accs), max(accs)
        spread = (f"모두 {pct(lo)}였습니다" if lo == hi else
                  f"시드에 따라 {pct(lo)}~{pct(hi)} 사이에서 달라졌습니다")
        return (f"{topic(setup)} 시드 {n}개 모두 {rate}을 뚜렷이 넘었습니다({vals}). "
                f"이 예산에서는 이 설정도 학습했고, {spread}")
    return (f"{topic(setup)} 시드 {n}개 가운데 {k}개에서만 {rate}을 뚜렷이 "
            f"넘었습니다({vals}). 같은 설정이 시드에 따라 학습하기도 하고 실패하기도 "
            "합니다")


def seed_claim_verdict(diffs, lo: float = 0.05, hi: float = 0.07) -> str:
    """Return whether per-seed gaps (LSTM - GRU) support a claimed gap in [lo, hi]."""
    n = len(diffs)
    mean, half = seed_interval(diffs)
    low, high = mean - half, mean + half
    span = (f"시드 {n}개에서 LSTM − GRU는 평균 {pp_diff(mean)}, 95 % 구간 "
            f"{pp_diff(low)}~{pp_diff(high)}입니다")
    claim = f"주장한 {lo * 100:.0f}~{hi * 100:.0f} %p"
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
    if lo - 1e-12 <= low and high <= hi + 1e-12:  # 경계값(정확히 5 %p)도 안으로
        return (f"{span}. 구간 전체가 {claim} 안에 있으므로, 이번 실행의 결과는 그 "
                "주장과 맞습니다")
    return (f"{span}. 구간이 0보다 크고 {claim}와 겹치므로 이번 실행은 그 주장을 "
            "반박하지 않습니다. 다만 구간이 주장 밖으로도 뻗어 있어, 주장을 확인했다고 "
            "말할 수는 없습니다")


def paired_sentence(c: Comparison, name_a: str, name_b: str) -> str:
    """Return what pairing two models on the same test messages found.

    `c` is ``stats.paired`` of model A's and model B's per-message hits. The sentence
    says whether the gap is beyond the paired yardstick, and how that yardstick
    compared with the independent one (2·√2·SE) in this run.
    """
    head = (f"{name_a}만 맞힌 메시지 {c.only_a}통과 {name_b}만 맞힌 메시지 "
            f"{c.only_b}통의 차이 {c.gap_msgs}통은 짝지은 잣대(약 {c.noise_msgs:.1f}통)")
    if c.verdict == SIMILAR:
        head += " 안에 있어, 이 시드에서 두 모델의 차이는 테스트 메시지의 우연과 가릴 수 없습니다"
    else:
        better = name_a if c.verdict == HIGHER else name_b
        head += (f"보다 커서, 이 시드의 테스트 메시지에서는 {particle(better, '이')} 더 "
                 "정확했다고 볼 수 있습니다")
    wide = c.independent_noise * c.n
    if c.noise_msgs < wide - 1e-9:
        width = f"이번 실행에서 짝지은 잣대는 독립을 가정한 잣대(약 {wide:.1f}통)보다 좁았습니다"
    elif c.noise_msgs > wide + 1e-9:
        width = (f"이번 실행에서는 한쪽만 맞힌 메시지가 많아 짝지은 잣대가 독립을 가정한 "
                 f"잣대(약 {wide:.1f}통)보다 넓었습니다")
    else:
        width = f"이번 실행에서 두 잣대는 약 {wide:.1f}통으로 같았습니다"
    independent = relation(c.gap, c.independent_noise)
    if independent != c.verdict:
        width += (". 독립을 가정한 잣대로는 우연과 가릴 수 없었을 차이입니다"
                  if independent == SIMILAR else
                  ". 독립을 가정한 잣대로는 차이가 있다고 보았을 것입니다")
    return f"{head}. {width}"


def leak_verdict(c: Comparison) -> str:
    """Return whether a leaky-minus-clean accuracy gap is more than chance.

    `c` compares the leaky run (A) with the clean one (B), built with
    ``stats.compare``: message by message when both runs kept their test predictions,
    and with the seeds' spread (``seed_std``) when it was measured, since the gap is
    between two single runs.
    """
    head = f"차이 {pp_diff(c.gap)}(테스트 메시지 {c.gap_msgs}통)는"
    ruler = f"{particle(_yardstick(c), '로')} 잰 잣대({_noise_text(c)})"
    if c.verdict == SIMILAR:
        return (f"{head} {ruler} 안에 있으므로, 이 데이터에서 누수가 결과를 눈에 띄게 "
                "바꾸었다고 볼 수 없습니다")
    if c.verdict == HIGHER:
        return (f"{head} {ruler}보다 크므로, 이 데이터에서는 누수가 테스트 정확도를 "
                "부풀렸다고 봐야 합니다")
    return (f"{head} {ruler}보다 크지만 방향이 반대입니다. 훈련 데이터만 쓴 쪽이 더 "
            "정확했으므로, 누수가 정확도를 부풀렸다는 증거는 아닙니다")


def _tally(comparisons: dict) -> str:
    """Return where pretraining raised, lowered or did not move an accuracy."""
    by = {v: [k for k, c in comparisons.items() if c.verdict == v]
          for v in (HIGHER, LOWER, SIMILAR)}
    stems = {HIGHER: "높였", LOWER: "오히려 낮췄", SIMILAR: "우연과 가릴 만큼 바꾸지 못했"}
    for verdict, names in by.items():
        if len(names) == len(comparisons):
            where = "모든 조건에서" if verdict != SIMILAR else "어느 조건에서도"
            return f"{where} {stems[verdict]}습니다"
    parts = [f"{', '.join(names)}에서는 {stems[v]}" for v, names in by.items() if names]
    return "고, ".join(parts) + "습니다"


def pretrain_verdict(pairs: dict, majority: float, n_test: int, n_val: int,
                     labels=None) -> str:
    """Return what pretraining did, condition by condition, early and at the end.

    `pairs` maps a condition name to (random-embedding run, pretrained run), each with
    ``test_acc``, ``history.val_acc`` and, if kept, ``test_pred`` (a ``Result``);
    with the test `labels` the final accuracies are compared message by message
    (``stats.paired``). The first-epoch validation accuracies are compared as two
    independent accuracies on `n_val` messages (2·√2·SE). A condition where neither
    run learned is left out: a gap between two runs at the majority rate says nothing
    about pretraining.
    """
    rate = f"다수 클래스 비율({pct(majority)})"
    kept = {name: runs for name, runs in pairs.items()
            if any(learned(r.test_acc, majority, n_test) for r in runs)}
    dropped = [name for name in pairs if name not in kept]
    if not kept:
        return (f"이번 실행에서는 {len(pairs)}개 조건 모두 두 임베딩 어느 쪽으로도 "
                f"{rate}을 뚜렷이 넘지 못해, 사전훈련의 효과를 잴 수 없습니다")
    final = {}
    for name, (rand, pre) in kept.items():
        pair = (None, None) if labels is None else (hits(pre, labels),
                                                    hits(rand, labels))
        final[name] = compare(pre.test_acc, rand.test_acc, n_test, *pair)
    early = {name: compare(pre.history.val_acc[0], rand.history.val_acc[0], n_val)
             for name, (rand, pre) in kept.items()}
    lead = (f"이번 실행에서 두 임베딩 가운데 하나라도 {rate}을 뚜렷이 넘은 "
            f"{len(kept)}개 조건을 비교했습니다")
    if dropped:
        lead += f"(둘 다 넘지 못한 {particle(', '.join(dropped), '은')} 뺐습니다)"
    how = ("같은 테스트 메시지에서 짝지은 비교" if all(
        c.kind == "paired" for c in final.values()) else "두 정확도를 독립으로 본 2·√2·SE")
    return (f"{lead}. 사전훈련은 첫 에포크의 검증 정확도를 {_tally(early)}. 최종 "
            f"테스트 정확도는 {_tally(final)}(첫 에포크는 두 정확도를 독립으로 본 "
            f"2·√2·SE, 최종은 {particle(how, '로')} 판정)")
