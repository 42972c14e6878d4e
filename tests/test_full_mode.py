"""benchmarks/full_mode.py makes an honest, resumable record, and the book reads it."""

import copy
import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

import pytest

import nlp_pp as pp
from nlp_pp import full_record as fr

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ["--seeds", "2"]


def load_script():
    spec = importlib.util.spec_from_file_location(
        "full_mode", ROOT / "benchmarks" / "full_mode.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses looks its module up there
    spec.loader.exec_module(module)
    return module


class Stop(Exception):
    """Stands for an interruption (Ctrl-C, a lost machine) in the middle of a run."""


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    """Run --smoke, stop it after three runs, run it again: return what happened."""
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    out = tmp_path_factory.mktemp("full") / "full_mode.json"
    argv = ["--smoke", *SEEDS, "--out", str(out), "--quiet"]
    script = load_script()
    real = script.train_run
    trained = []

    def stop_after_three(run, *args, **kwargs):
        if len(trained) == 3:
            raise Stop
        trained.append(run.run_id)
        return real(run, *args, **kwargs)

    script.train_run = stop_after_three
    with pytest.raises(Stop):
        script.main(argv)
    partial_path = out.with_name("full_mode.partial.json")
    partial = json.loads(partial_path.read_text(encoding="utf-8"))
    first = list(trained)
    trained.clear()

    def count(run, *args, **kwargs):
        trained.append(run.run_id)
        return real(run, *args, **kwargs)

    script.train_run = count
    assert script.main(argv) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    return {"script": script, "out": out, "partial": partial, "first": first,
            "second": list(trained), "record": record,
            "partial_left": partial_path.exists()}


@pytest.fixture(scope="module")
def record(resumed):
    return resumed["record"]


def test_interrupted_run_resumes_without_redoing_finished_runs(resumed):
    partial, record = resumed["partial"], resumed["record"]
    assert len(partial["runs"]) == 3  # 끝난 실행은 그때마다 저장됩니다
    assert not set(resumed["first"]) & set(resumed["second"])  # 다시 하지 않습니다
    unique = {e["run_id"] for e in partial["runs"].values()} | set(resumed["second"])
    assert len(unique) == len(resumed["first"]) + len(resumed["second"])
    for entry in partial["runs"].values():  # 이어받은 결과가 그대로 기록에 들어갑니다
        kept = record["runs"][entry["run_id"]]
        assert kept["epoch_seconds"] == entry["result"]["epoch_seconds"]
        assert kept["test_acc"] == entry["result"]["test_acc"]
    assert len(record["sessions"]) == 2
    assert not resumed["partial_left"]  # 기록을 다 쓰면 부분 기록은 지웁니다


def test_partial_file_from_another_config_is_ignored_with_a_message(resumed, tmp_path):
    script, partial = resumed["script"], resumed["partial"]
    path = tmp_path / "full_mode.partial.json"
    path.write_text(json.dumps(partial, ensure_ascii=False), encoding="utf-8")
    said = []
    runs, _ = script.load_partial(path, partial["identity"], said.append)
    assert len(runs) == 3 and "이어받습니다" in said[-1]
    other = copy.deepcopy(partial["identity"])
    other["config"]["epochs"] += 1
    other["device"] = "GPU (somewhere)"
    assert script.load_partial(path, other, said.append) == ({}, [])
    assert "무시" in said[-1] and "config" in said[-1] and "device" in said[-1]
    path.write_text("{not json", encoding="utf-8")
    assert script.load_partial(path, other, said.append) == ({}, [])


def test_resume_key_holds_everything_that_defines_a_run(resumed):
    script = resumed["script"]
    cfg = pp.get_config("quick", **script.SMOKE)
    identity = {"data": {"source": "offline", "sha256": "x"}, "device": "CPU (2코어)"}
    runs = script.plan(cfg, [42, 43])
    keys = {script.run_key(r, identity) for r in runs}
    # 같은 실행(6장의 RNN_랜덤 초기화 = 7장의 뒤쪽 패딩, 강의 설정의 시드 42)만 겹칩니다
    assert len(keys) == len(runs) - 3
    run = runs[0]
    for changed in (dataclasses.replace(run, cfg=dataclasses.replace(cfg, seed=7)),
                    dataclasses.replace(run, inputs="pre"),
                    dataclasses.replace(run, pretrained=not run.pretrained)):
        assert script.run_key(changed, identity) != script.run_key(run, identity)
    other_data = {**identity, "data": {"source": "file", "sha256": "x"}}
    assert script.run_key(run, other_data) != script.run_key(run, identity)


def test_record_states_what_is_needed_to_rerun_it(record):
    assert record["format"] == fr.RECORD_FORMAT and record["smoke"] is True
    assert record["device"].startswith(("CPU (", "GPU ("))
    assert record["device_type"] in ("cpu", "cuda")
    assert record["versions"]["torch"] and record["versions"]["python"]
    assert record["date"] and record["started"] <= record["finished"]
    assert record["data"]["source"] and len(record["data"]["sha256"]) == 64
    assert 0.4 <= record["data"]["majority"] <= 0.7
    assert record["seeds"] == [42, 43]
    smoke = pp.get_config("quick", **load_script().SMOKE)
    assert record["config"] == dataclasses.asdict(smoke)  # Config의 모든 값
    assert record["command"].startswith("python benchmarks/full_mode.py --smoke")
    assert "--seeds 2" in record["command"]
    assert record["seconds"]["wall"] >= record["seconds"]["runs"] > 0
    assert record["steps"]["bucket"] < record["steps"]["post"]


def test_record_holds_every_run_the_book_reads(record):
    runs = record["runs"]
    names = [*pp.CONDITIONS, *(k + fr.FIX for k in fr.GATED), *fr.PADDING.values()]
    for setup in fr.SEED_SETUPS:
        for cell in ("LSTM", "GRU"):
            names += fr.seed_ids(setup, cell, record["seeds"])
    assert set(names) == set(runs)
    for run in runs.values():
        assert 0.0 <= run["test_acc"] <= 1.0
        assert len(run["epoch_seconds"]) == record["config"]["epochs"]
        assert run["sec_per_epoch"] > 0 and run["seconds"] >= sum(run["epoch_seconds"])
    assert runs["padding/post"]["test_acc"] == runs["RNN_랜덤 초기화"]["test_acc"]
    assert runs["seeds/fix+bucket/GRU/43"]["config"]["gate_bias"] == pp.GATE_FIX[
        "gate_bias"]
    assert fr.GATED == tuple(k for k in pp.CONDITIONS if not k.startswith("RNN"))


# --- 책이 기록을 읽는 길 ---------------------------------------------------------


@pytest.fixture()
def saved(record, tmp_path):
    """Return (path, record read back through pp.full_mode_record)."""
    path = tmp_path / "full_mode.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path, pp.full_mode_record(path)


def quick_size(record):
    """Return a run_size() like a quick-mode run's on this machine."""
    return {**record["size"], "mode": "quick", "n_train": 2250, "epochs": 3,
            "batch_size": 64, "updates": 108, "emb_dim": 64, "hid_dim": 32,
            "context_length": 330, "device": "CPU (2코어)"}


def sentences(rec, this_acc=0.6, majority=0.6, n_test=150):
    accs = {k: this_acc for k in pp.CONDITIONS} | {k + fr.FIX: 0.97 for k in fr.GATED}
    pad = {"뒤쪽 패딩 (강의)": this_acc, "앞쪽 패딩": 0.97, "패킹": 0.96,
           "길이 버킷팅": this_acc, "길이 버킷팅+패킹": 0.95}
    size = quick_size(rec) if rec else {}
    return {"ch6": fr.conditions_verdict(rec, accs, majority, n_test, size),
            "padding": fr.padding_verdict(rec, pad, majority, n_test),
            "speed": fr.speed_verdict(rec),
            "seeds": fr.seeds_verdict(rec, [this_acc] * 3, majority, n_test, size),
            "times": fr.times_sentence(rec)}, accs, pad


def test_pages_render_a_smoke_record(saved):
    _, rec = saved
    said, accs, pad = sentences(rec)
    for name, text in said.items():
        assert rec["device"] in text, name
        assert "GPU (" not in text and "GPU에서 잰" not in text, name  # CPU 기록
        assert "시험 기록" in text and "full 모드 기록은" not in text, name
    assert rec["date"] in said["ch6"] and "--smoke" in said["ch6"]
    table = fr.conditions_table(rec, accs, "quick").data
    assert table.loc["LSTM_사전훈련", "시험 기록"] == rec["runs"]["LSTM_사전훈련"]["test_acc"]
    assert list(fr.padding_table(rec, pad, "quick").data.index) == list(pad)
    assert list(fr.seeds_table(rec).data.index) == rec["seeds"]
    steps = fr.step_seconds(rec)
    assert set(steps) == {4, 5, 6, 7} and all(s >= 0 for _, s in steps.values())


def test_pages_say_gracefully_that_there_is_no_record(tmp_path):
    assert pp.full_mode_record(tmp_path / "none.json") is None
    said, accs, pad = sentences(None)
    for name, text in said.items():
        assert "아직 없어" in text and "GPU" not in text, name
    assert fr.conditions_table(None, accs, "quick") is None
    assert fr.padding_table(None, pad, "quick") is None and fr.seeds_table(None) is None
    assert fr.step_seconds(None) == {}


def test_a_broken_record_is_not_taken_for_a_missing_one(tmp_path):
    path = tmp_path / "full_mode.json"
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(pp.NlpPPError):
        pp.full_mode_record(path)
    path.write_text(json.dumps({"accuracy": {}}), encoding="utf-8")  # 예전 형식
    with pytest.raises(pp.NlpPPError):
        pp.full_mode_record(path)


def full_size(rec, acc):
    """Return the record as if made at full size on a GPU, every run at `acc`."""
    rec = copy.deepcopy(rec)
    rec.update(smoke=False, mode="full", device="GPU (NVIDIA H100)", device_type="cuda")
    rec["config"] = dataclasses.asdict(pp.get_config("full"))
    rec["size"].update(n_train=4482, epochs=8, batch_size=256, updates=144,
                       emb_dim=100, hid_dim=128, device="GPU (NVIDIA H100)")
    rec["data"].update(majority=0.6, n_test=299)
    for run in rec["runs"].values():
        run["test_acc"], run["epoch_seconds"] = acc, [1.0] * 8
    return rec


def test_sentences_follow_the_outcome_and_the_device(saved):
    _, rec = saved
    learned = full_size(rec, 0.97)  # 강의 크기에서는 배웠고, 이번 실행은 다수 클래스 비율
    said, _, _ = sentences(learned, this_acc=0.6)
    assert "full 모드 기록은" in said["ch6"] and "GPU (NVIDIA H100)" in said["ch6"]
    assert "4개 모두" in said["ch6"] and "두 실행에서 달랐습니다" in said["ch6"]
    assert "에포크 3 대 8" in said["ch6"] and "배치 64 대 256" in said["ch6"]
    assert "장치 CPU" in said["ch6"]  # 이번 실행의 장치도 다릅니다
    assert "시드와 상관없이 학습했습니다" in said["seeds"]
    assert "GPU에서 잰 이 기록에서는" in said["speed"]  # 모든 시간이 같으면 느리지 않습니다
    same, _, _ = sentences(full_size(rec, 0.6), this_acc=0.6)  # 둘 다 배우지 못했다면
    assert "이번 실행(quick 모드)과 같습니다" in same["ch6"]
    assert "달랐습니다" not in same["ch6"] and "학습을 시작하지 못했습니다" in same["seeds"]


def test_committed_record_if_any_is_a_complete_full_mode_record():
    committed = pp.full_mode_record()
    if committed is None:  # 기록이 없으면 책은 없다고 말합니다
        assert not (ROOT / "nlp_pp" / "resources" / "full_mode.json").exists()
        return
    assert committed["mode"] == "full" and not committed["smoke"]
    assert committed["config"] == dataclasses.asdict(pp.get_config("full"))
    assert len(committed["seeds"]) >= 2 and committed["device"]
    script = load_script()
    planned = {r.run_id for r in script.plan(pp.get_config("full"), committed["seeds"])}
    assert planned == set(committed["runs"])
    assert not (ROOT / "nlp_pp" / "resources" / "full_mode.partial.json").exists()
