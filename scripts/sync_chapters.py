"""Keep every chapter's Colab install cell on the repository of _config.yml, then pair.

Usage: python scripts/sync_chapters.py   (after editing a chapter .md or the repo URL)
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# Colab이 GPU 런타임을 요청하도록 하는 노트북 메타데이터
COLAB_META = {"accelerator": "GPU", "colab": {"provenance": [], "gpuType": "T4"}}
INSTALL = re.compile(r'(%pip install -q "nlp_pp @ git\+)[^"@]+@[^"]+(")')


def install_target() -> str:
    """Return 'URL@BRANCH' of the repository named in _config.yml."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    return f"{repo['url']}@{repo['branch']}"


def main() -> int:
    target = install_target()
    chapters = sorted((ROOT / "chapters").glob("[0-9][0-9]_*.md"))
    for md in chapters:
        text = md.read_text(encoding="utf-8")
        new = INSTALL.sub(lambda m: f"{m.group(1)}{target}{m.group(2)}", text)
        if new != text:
            md.write_text(new, encoding="utf-8")
    cmd = [sys.executable, "-m", "jupytext", "--sync", *map(str, chapters)]
    code = subprocess.run(cmd, check=False).returncode
    for md in chapters:
        ask_for_gpu(md.with_suffix(".ipynb"))
    return code


def ask_for_gpu(ipynb: Path) -> None:
    """Add the Colab GPU metadata to a paired notebook if it is missing."""
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    if all(nb["metadata"].get(k) == v for k, v in COLAB_META.items()):
        return
    nb["metadata"].update(COLAB_META)
    ipynb.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n",
                     encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
