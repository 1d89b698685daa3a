"""The installed package (a regular `pip install .`) finds its shipped data outside the checkout."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("legalcheck")


@pytest.mark.skipif(not EXE.exists(), reason="legalcheck is not installed in this environment")
def test_installed_package_reads_its_shipped_data(tmp_path):
    where = subprocess.run([sys.executable, "-c", "from legalcheck.paths import data_dir; print(data_dir('statutes'))"],
                           capture_output=True, text=True, cwd=tmp_path)
    if "_data" not in where.stdout:
        pytest.skip("an editable install reads the checkout")
    out = subprocess.run([str(EXE), "statute", "2-3-3", "--at", "2026-01-10"], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 0 and "位置特定用識別情報送信装置" in out.stdout
    sample = Path(__file__).resolve().parent.parent / "examples" / "sample.txt"
    shutil.copy(sample, tmp_path / "case.txt")
    out = subprocess.run([str(EXE), "analyze", "case.txt", "--format", "json"], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 0 and '"art18"' in out.stdout
