"""Token evidence: how much each token pushed a message toward the target class.

For the recurrent model, gradient × input on the embeddings; for the baseline,
coefficient × TF-IDF value; both in log-odds of the target class. Occlusion measures
the same in probability, by removing one token at a time. ``evidence_html`` colours
the tokens by their scores.
"""

from __future__ import annotations

import html
from collections import Counter

import numpy as np
import torch

from ..errors import NlpPPError
from ..hangul import compose_token
from ..vocab import pad_seq_x
from .gates import as_ids


def _final_hidden(model, emb: torch.Tensor) -> torch.Tensor:
    """Return the classifier's logits from embeddings (B, T, E), as forward does."""
    _, hidden = model.rnn(emb)
    h = hidden[0] if isinstance(hidden, tuple) else hidden
    return model.classifier(h[-1])  # (B, C)


def log_odds(logits: torch.Tensor, target) -> torch.Tensor:
    """Return log p/(1 − p) of each row's target class from logits (B, C)."""
    target = torch.as_tensor(target, device=logits.device).reshape(-1, 1)
    own = logits.gather(1, target).squeeze(1)
    others = logits.scatter(1, target, float("-inf")).logsumexp(1)
    return own - others


def grad_x_input(model, ids, target) -> np.ndarray:
    """Return gradient × input (N, T): each position's share of the target log-odds.

    Summed over the embedding dimension; <PAD> rows are zero vectors, so pads get 0.
    """
    x = as_ids(model, ids)
    model.eval()
    emb = model.embed(x).detach().requires_grad_(True)  # (N, T, E)
    targets = np.broadcast_to(target, len(x)).copy()
    log_odds(_final_hidden(model, emb), targets).sum().backward()
    return (emb.grad * emb).sum(-1).detach().cpu().numpy()  # (N, T)


def model_proba(model, context_length: int, padding: str = "post",
                batch_size: int = 512):
    """Return predict(id lists) -> class probabilities (N, C) of a recurrent model."""
    def predict(seqs) -> np.ndarray:
        x = torch.as_tensor(pad_seq_x(seqs, context_length, padding))
        model.eval()
        with torch.no_grad():
            out = [model(b.to(model.embed.weight.device)).softmax(-1).cpu()
                   for b in x.split(batch_size)]
        return torch.cat(out).numpy()
    return predict


def baseline_proba(pipeline):
    """Return predict(jamo token lists) -> class probabilities (N, C) of the baseline."""
    return lambda docs: pipeline.predict_proba(list(docs))


def occlusion(predict, seq, target: int) -> np.ndarray:
    """Return p(target) − p(target without token j) for every token j of one message.

    `seq` holds the message's tokens only (no <PAD>); positive: the token supported
    the target class.
    """
    seq = list(seq)
    variants = [seq] + [seq[:j] + seq[j + 1:] for j in range(len(seq))]
    p = predict(variants)[:, target]
    return p[0] - p[1:]


def baseline_evidence(pipeline, docs, targets) -> list[np.ndarray]:
    """Return coefficient × TF-IDF value per token, toward each doc's target class.

    A token that occurs several times shares its feature's contribution equally, so
    a message's scores add up to its log-odds minus the intercept (binary classes).
    """
    vec, clf = pipeline[0], pipeline[-1]
    if clf.coef_.shape[0] != 1:
        raise NlpPPError("두 클래스 로지스틱 회귀만 설명합니다.",
                         "Only a two-class logistic regression is explained.")
    tfidf = vec.transform(list(docs)).tocsr()
    coef = clf.coef_[0]
    out = []
    for row, doc, target in zip(tfidf, docs, targets):
        count = Counter(doc)
        col = [vec.vocabulary_.get(tok) for tok in doc]
        dense = dict(zip(row.indices, row.data))
        score = np.array([0.0 if c is None else coef[c] * dense.get(c, 0.0) / count[t]
                          for c, t in zip(col, doc)])
        out.append(score if target == 1 else -score)
    return out


def top_tokens(tokens, scores, k: int = 3) -> list[str]:
    """Return the k tokens (as syllables) with the largest scores, first one on ties."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")[:k]
    return [compose_token(tokens[j]) for j in order]


def _colour(score: float, scale: float) -> str:
    """Return an rgba background: red toward the target, blue against it."""
    alpha = min(abs(score) / scale, 1.0) * 0.85 if scale > 0 else 0.0
    rgb = "214, 39, 40" if score > 0 else "31, 119, 180"
    return f"rgba({rgb}, {alpha:.2f})"


def evidence_html(tokens, scores, title: str = "", scale: float | None = None) -> str:
    """Return the tokens as inline HTML spans coloured by score (no CSS file, no JS).

    Red: the token pushed toward the target class, blue: away from it; the stronger
    the colour, the larger |score| (relative to `scale`, default the largest |score|).
    """
    scores = np.asarray(scores, dtype=float)
    if len(tokens) != len(scores):
        raise NlpPPError(f"토큰 {len(tokens)}개와 점수 {len(scores)}개의 수가 다릅니다.",
                         f"{len(tokens)} tokens but {len(scores)} scores.")
    scale = float(np.abs(scores).max(initial=0.0)) if scale is None else scale
    spans = [
        f'<span class="pp-evidence" title="{s:+.3f}" data-score="{s:.4f}" '
        f'style="background-color: {_colour(s, scale)}; padding: 1px 3px; '
        f'margin: 1px; border-radius: 3px; display: inline-block">'
        f"{html.escape(compose_token(t))}</span>"
        for t, s in zip(tokens, scores)]
    head = f"<div style='font-weight: bold'>{html.escape(title)}</div>" if title else ""
    return (f"<div style='line-height: 1.9; margin: 4px 0'>{head}"
            f"{''.join(spans)}</div>")
