"""Sentences about whether models learned: against the majority rate, by condition."""

from __future__ import annotations

from ..korean import pct, topic
from ..stats import learned, standing


def _short_of(accs, majority: float, n_test: int | None) -> str:
    """Return how accuracies that did not learn stand: near, below, or some of each."""
    where = {standing(a, majority, n_test) for a in accs}
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
