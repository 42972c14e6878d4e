"""nlp_pp: the shared pipeline of the course (preprocessing, embeddings, models).

Use it with its namespace: ``import nlp_pp as pp; pp.tokenize(...)``.
Every name below is defined in the module it is imported from.
"""

from . import attribution, full_record, stats, verdicts
from .baseline import Baseline, tfidf_baseline
from .book import (
    ChapterClock,
    glue,
    show_source,
)
from .cells import gru_cell, lstm_cell, rnn_cell, run_gru, run_lstm, run_rnn
from .corpus import make_sms_corpus
from .data import (
    LABELS,
    SPAM_CLASSES,
    SPAM_FILE,
    SPAM_URL,
    download,
    load_csv,
    load_spam_sns,
    validate_frame,
    validate_spam_frame,
)
from .embedding import (
    build_my_embed,
    embedding_coverage,
    train_fasttext,
    untrained_copy,
    vectors_moved,
)
from .errors import DownloadError, NlpPPError
from .exercises import exercise, exercises
from .experiment import (
    CONDITIONS,
    EMBEDDINGS,
    GATE_FIX,
    MIN_PER_CLASS,
    MODELS,
    SPLITS,
    Prepared,
    Result,
    build_model,
    jamo_tokens,
    majority_rate,
    prepare_data,
    pretrained_matrix,
    results_table,
    run_condition,
    run_experiment,
    subsample,
    with_gate_fix,
)
from .full_record import FULL_MODE_FILE, full_mode_record
from .hangul import (
    EMPTY_FINAL,
    compose_jamo,
    compose_token,
    decompose_jamo,
    decompose_token,
)
from .labels import LABEL_MAP, encode_labels, label_classes, map_labels
from .mecab_engine import MecabKoTokenizer, cpu_count, default_tokenizer
from .models import (
    RecurrentClassifier,
    SimpleGRU,
    SimpleLSTM,
    SimpleRNN,
    count_params,
    set_gate_bias,
    set_lstm_input_bias,
)
from .plots import (
    plot_comparison,
    plot_deletion_curves,
    plot_gate_strips,
    plot_history_grid,
    plot_length_hist,
    use_korean_font,
)
from .settings import (
    Config,
    cache_dir,
    get_config,
    get_device,
    get_mode,
    in_colab,
    set_seed,
)
from .stopwords import (
    STOPWORD_FILE,
    STOPWORD_URL,
    download_stopword_list,
    korean_stopwords,
)
from .text import (
    P1,
    P2,
    P3,
    KiwiTokenizer,
    clean_text,
    clean_texts,
    df_cleaning,
    preprocess_texts,
    remove_stopword,
    tokenize,
)
from .training import History, Trainer
from .vocab import (
    PAD_IDX,
    SPECIAL_TOKENS,
    SPLIT_NAMES,
    UNK_IDX,
    TensorBatches,
    build_vocab,
    count_words,
    pad_seq_x,
    sequences_to_text,
    set_dataloader,
    set_rare_vocab,
    set_sent_pad,
    set_word_to_idx,
    split_data,
    text_to_sequences,
)

__version__ = "0.1.0"
