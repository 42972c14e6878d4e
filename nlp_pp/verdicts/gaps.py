"""Sentences about gaps between accuracies, each judged by its yardstick (stats)."""

from __future__ import annotations

from ..korean import particle, pct, pp_diff
from ..stats import (
    HIGHER,
    LOWER,
    SIMILAR,
    Comparison,
    compare,
    hits,
    learned,
    relation,
    seed_interval,
)


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
