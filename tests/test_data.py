"""Loading the spam corpus and stopwords: cache, atomic download, offline fallback.

Every download goes to a small HTTP server on 127.0.0.1 started by the test;
nothing here reaches the internet.
"""

import threading
import urllib.error
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

import nlp_pp as pp
from nlp_pp import data, stopwords

GOOD_CSV = "content,class\n안녕 오늘 뭐 해,일상대화\n무료 쿠폰 받으세요,스팸문자\n".encode()
OTHER_CSV = "content,class\n다른 내용,일상대화\n".encode()
NO_CONTENT_CSV = "text,class\n안녕,일상대화\n".encode()
BAD_LABEL_CSV = "content,class\n안녕,일상대화\n광고입니다,광고\n".encode()


class Server:
    """A local HTTP server whose files and request log the test controls."""

    def __init__(self):
        self.files, self.requests = {}, []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append(self.path)
                body = owner.files.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder with the network allowed (local server only)."""
    monkeypatch.setenv("NLP_PP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("NLP_PP_OFFLINE", raising=False)
    monkeypatch.delenv("NLP_PP_DATA", raising=False)
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
                 "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    return tmp_path / "cache"


@pytest.fixture
def server(monkeypatch):
    srv = Server()
    monkeypatch.setattr(data, "SPAM_URL", f"{srv.url}/spam_SNS.csv")
    yield srv
    srv.close()


@pytest.fixture
def no_network(monkeypatch):
    """Make every download attempt fail and record it."""
    calls = []

    def fail(url, timeout=None):
        calls.append(url)
        raise urllib.error.URLError("network is unreachable")

    monkeypatch.setattr(data.urllib.request, "urlopen", fail)
    return calls


def test_urls_are_the_lecture_files():
    base = "https://raw.githubusercontent.com/tbvjvsladla/ASH_NLP_lacture/main/"
    assert pp.SPAM_URL == base + "spam_SNS.csv"
    assert pp.STOPWORD_URL == base + "kr_stopword_list.txt"


def test_download_caches_and_reuses(cache, server):
    server.files["/spam_SNS.csv"] = GOOD_CSV
    df = pp.load_spam_sns()
    assert df.attrs["source"] == "download"
    assert df["class"].tolist() == ["일상대화", "스팸문자"]
    assert (cache / "spam_SNS.csv").read_bytes() == GOOD_CSV
    again = pp.load_spam_sns()
    assert again.attrs["source"] == "cache"
    assert len(server.requests) == 1  # 두 번째는 내려받지 않습니다
    pd.testing.assert_frame_equal(df, again)


def test_download_function_reuses_cache(cache, server):
    server.files["/a.txt"] = b"one"
    path = pp.download(f"{server.url}/a.txt", "a.txt")
    assert path == cache / "a.txt" and path.read_bytes() == b"one"
    server.files["/a.txt"] = b"two"
    assert pp.download(f"{server.url}/a.txt", "a.txt").read_bytes() == b"one"
    assert pp.download(f"{server.url}/a.txt", "a.txt", force=True).read_bytes() == b"two"
    assert len(server.requests) == 2


@pytest.mark.parametrize("broken", [NO_CONTENT_CSV, BAD_LABEL_CSV, b"\xff\xfe\x00",
                                    b"<html>captive portal</html>"],
                         ids=["no-content", "bad-label", "not-utf8", "html"])
def test_invalid_download_never_replaces_good_cache(cache, server, broken):
    server.files["/spam_SNS.csv"] = GOOD_CSV
    pp.load_spam_sns()
    server.files["/spam_SNS.csv"] = broken
    with pytest.raises(pp.NlpPPError):
        pp.download(data.SPAM_URL, "spam_SNS.csv", force=True,
                    validate=data._read_spam_csv)
    assert (cache / "spam_SNS.csv").read_bytes() == GOOD_CSV
    assert [p.name for p in cache.iterdir()] == ["spam_SNS.csv"]  # 임시 파일 없음


def test_failed_request_keeps_cache(cache, server):
    server.files["/spam_SNS.csv"] = GOOD_CSV
    pp.load_spam_sns()
    del server.files["/spam_SNS.csv"]  # 404
    with pytest.raises(pp.NlpPPError, match="404"):
        pp.download(data.SPAM_URL, "spam_SNS.csv", force=True)
    assert (cache / "spam_SNS.csv").read_bytes() == GOOD_CSV


def test_invalid_first_download_falls_back_and_caches_nothing(cache, server):
    server.files["/spam_SNS.csv"] = NO_CONTENT_CSV
    with pytest.warns(UserWarning, match="offline data"):
        df = pp.load_spam_sns(offline_n=300)
    assert df.attrs["source"] == "offline"
    assert not (cache / "spam_SNS.csv").exists()


def test_no_network_falls_back_to_offline_corpus(cache, no_network):
    with pytest.warns(UserWarning) as record:
        df = pp.load_spam_sns(offline_n=300, seed=1)
    message = str(record[0].message)
    assert "오프라인" in message and "NLP_PP_DATA" in message and "path=" in message
    assert len(no_network) == 1
    assert df.attrs["source"] == "offline"
    assert list(df.columns) == ["content", "class"]
    assert set(df["class"]) <= {"일상대화", "스팸문자"}
    pp.validate_spam_frame(df)


def test_offline_env_never_touches_network(cache, no_network, monkeypatch):
    monkeypatch.setenv("NLP_PP_OFFLINE", "1")
    with pytest.warns(UserWarning, match="NLP_PP_OFFLINE"):
        df = pp.load_spam_sns(offline_n=300)
    assert df.attrs["source"] == "offline" and no_network == []


def test_path_and_env_var_never_touch_network(cache, no_network, tmp_path, monkeypatch):
    csv = tmp_path / "mine.csv"
    csv.write_bytes(GOOD_CSV)
    df = pp.load_spam_sns(csv, report=False)
    assert df.attrs["source"] == "file" and len(df) == 2
    monkeypatch.setenv("NLP_PP_DATA", str(csv))
    assert pp.load_spam_sns().attrs["source"] == "file"
    assert no_network == []


def test_report_prints_source(cache, tmp_path, capsys):
    csv = tmp_path / "mine.csv"
    csv.write_bytes(GOOD_CSV)
    pp.load_spam_sns(csv, report=True)
    assert "file" in capsys.readouterr().out


def test_csv_without_content_gives_bilingual_error(tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_bytes(NO_CONTENT_CSV)
    with pytest.raises(pp.NlpPPError) as err:
        pp.load_spam_sns(csv)
    message = str(err.value)
    assert "content" in message and "열이 없습니다" in message and "lacks column" in message


def test_missing_or_empty_file_gives_clear_error(tmp_path):
    with pytest.raises(pp.NlpPPError, match="no file"):
        pp.load_spam_sns(tmp_path / "nowhere.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("content,class\n", encoding="utf-8")
    with pytest.raises(pp.NlpPPError, match="no rows"):
        pp.load_spam_sns(empty)


def test_unknown_label_is_named():
    df = pd.DataFrame({"content": ["가", "나"], "class": ["일상대화", "광고"]})
    with pytest.raises(pp.NlpPPError, match="광고"):
        pp.validate_spam_frame(df)


def test_validate_keeps_two_columns():
    df = pd.DataFrame({"Unnamed: 0": [0], "class": ["스팸문자"], "content": ["가"]})
    assert list(pp.validate_spam_frame(df).columns) == ["content", "class"]


def test_bundled_stopwords():
    stop = pp.korean_stopwords()
    assert isinstance(stop, frozenset)
    assert {"이", "가", "을", "를", "은", "는", "의", "에", "에서", "로", "으로",
            "와", "과", "도", "만"} <= stop
    assert not any(w.startswith("#") or w != w.strip() or not w for w in stop)


def test_stopwords_download_cached_once(cache, server):
    url = f"{server.url}/kr_stopword_list.txt"
    server.files["/kr_stopword_list.txt"] = "이\n가\n\n을\n".encode()
    assert pp.download_stopword_list(url) == frozenset({"이", "가", "을"})
    assert pp.download_stopword_list(url) == frozenset({"이", "가", "을"})
    assert len(server.requests) == 1


def test_stopwords_offline_fall_back_to_bundled_list(cache, no_network):
    with pytest.warns(UserWarning, match="bundled"):
        assert pp.download_stopword_list() == pp.korean_stopwords()
    with pytest.raises(pp.NlpPPError):
        pp.download_stopword_list(offline_ok=False)


def test_broken_stopword_download_keeps_cache(cache, server):
    url = f"{server.url}/kr_stopword_list.txt"
    server.files["/kr_stopword_list.txt"] = "이\n가\n".encode()
    first = pp.download_stopword_list(url)
    server.files["/kr_stopword_list.txt"] = b"<!DOCTYPE html><html></html>"
    with pytest.raises(pp.NlpPPError):
        pp.download(url, stopwords._stopword_fname(url), force=True,
                    validate=stopwords._check_stopword_file)
    assert pp.download_stopword_list(url) == first


def test_unwritable_cache_raises_instead_of_falling_back(cache, server, monkeypatch):
    server.files["/spam_SNS.csv"] = GOOD_CSV

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pp.settings.tempfile, "mkstemp", denied)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 오프라인 말뭉치로 넘어가면 경고가 납니다
        with pytest.raises(pp.NlpPPError, match="NLP_PP_CACHE") as err:
            pp.load_spam_sns(offline_n=300)
    assert not isinstance(err.value, pp.DownloadError)


def test_cp949_csv_error_says_which_encoding_to_use(tmp_path):
    csv = tmp_path / "excel.csv"
    csv.write_bytes("content,class\n안녕 오늘 뭐 해,일상대화\n".encode("cp949"))
    with pytest.raises(pp.NlpPPError, match="encoding='cp949'"):
        pp.load_spam_sns(csv)
    df = pp.load_spam_sns(csv, encoding="cp949")
    assert df["content"].iloc[0] == "안녕 오늘 뭐 해"


def test_load_csv_reads_any_labelled_csv(tmp_path):
    csv = tmp_path / "news.csv"
    csv.write_text("title,body,topic\nx,경제 기사,경제\ny,스포츠 기사,스포츠\n",
                   encoding="utf-8")
    df = pp.load_csv(csv, text_col="body", label_col="topic")
    assert list(df.columns) == ["body", "topic"] and len(df) == 2
    assert df.attrs["source"] == "file"
    with pytest.raises(pp.NlpPPError, match="text_col") as err:
        pp.load_csv(csv)  # content/class가 없습니다
    assert "lacks column" in str(err.value)


def test_spam_frames_carry_the_class_order(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_bytes(GOOD_CSV)
    assert pp.load_spam_sns(csv).attrs["classes"] == ("일상대화", "스팸문자")
