"""Looking inside a trained classifier: gate traces, token evidence, deletion tests.

Gates are computed by stepping the cell's own equations with the trained weights of
``nn.LSTM`` / ``nn.GRU`` (PyTorch's gate order: LSTM i, f, g, o; GRU r, z, n).
Token evidence is gradient × input on the embeddings for the recurrent model and
coefficient × TF-IDF value for the baseline, both in log-odds of the target class.
The deletion test removes the top-k tokens by evidence and k random tokens, and
measures how far the probability of the target class falls.

``gates`` steps the cells and summarises their gates, ``evidence`` scores tokens
(gradient × input, baseline contributions, occlusion) and colours them as HTML,
``deletion`` runs the deletion test and says what it found.
"""

from .deletion import (
    ATTR,
    KS,
    RANDOM,
    deletion_curves,
    deletion_summary,
    deletion_verdict,
    deletion_yardstick,
)
from .evidence import (
    baseline_evidence,
    baseline_proba,
    evidence_html,
    grad_x_input,
    log_odds,
    model_proba,
    occlusion,
    top_tokens,
)
from .gates import (
    GATES,
    gate_sentence,
    gate_strip,
    gate_trace,
    message_tokens,
    pick_messages,
    step_cell,
    token_pad_means,
)

__all__ = [
    "ATTR",
    "GATES",
    "KS",
    "RANDOM",
    "baseline_evidence",
    "baseline_proba",
    "deletion_curves",
    "deletion_summary",
    "deletion_verdict",
    "deletion_yardstick",
    "evidence_html",
    "gate_sentence",
    "gate_strip",
    "gate_trace",
    "grad_x_input",
    "log_odds",
    "message_tokens",
    "model_proba",
    "occlusion",
    "pick_messages",
    "step_cell",
    "token_pad_means",
    "top_tokens",
]
