"""benchmarks/full_mode.py runs end to end and its record becomes chapter 6's box."""

import importlib.util
import json
from pathlib import Path

import pytest

import nlp_pp as pp

ROOT = Path(__file__).resolve().parents[1]


def load_script():
    spec = importlib.util.spec_from_file_location(
        "full_mode", ROOT / "benchmarks" / "full_mode.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    out = tmp_path_factory.mktemp("full") / "full_mode.json"
    assert load_script().main(["--smoke", "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_smoke_run_writes_every_number_chapter_6_needs(record):
    assert record["mode"] == "quick" and record["device"] and record["date"]
    assert {"torch", "python", "nlp_pp"} <= set(record["versions"])
    acc = record["accuracy"]
    for key in pp.CONDITIONS:
        assert 0.0 <= acc[key] <= 1.0
        assert record["sec_per_epoch"][key] > 0
    assert "LSTM_사전훈련+게이트 편향" in acc and "baseline" in acc
    assert record["steps"]["bucket"] < record["steps"]["post"]
    assert 0.4 <= record["majority"] <= 0.7


def test_box_shows_device_date_and_numbers(record):
    box = pp.full_mode_box(record, {"LSTM, 사전훈련": "LSTM_사전훈련"})
    html = box.data
    assert record["device"] in html and record["date"] in html
    assert f"{record['accuracy']['LSTM_사전훈련']:.1%}" in html
    assert pp.full_mode_box(None, {}) is None


def test_committed_record_if_any_is_a_full_mode_gpu_run():
    committed = pp.full_mode_record()
    if committed is None:  # GPU에서 잰 기록이 없으면 6장에 상자가 나오지 않습니다
        assert not (ROOT / "nlp_pp" / "resources" / "full_mode.json").exists()
    else:
        assert committed["mode"] == "full" and "CPU" not in committed["device"]
