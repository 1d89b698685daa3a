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


@pytest.mark.skipif(not EXE.exists(), reason="legalcheck is not installed in this environment")
def test_installed_package_ships_and_runs_its_migrations(tmp_path):
    """The wheel carries the Alembic scripts: a database is created and migrated from outside the checkout."""
    where = subprocess.run([sys.executable, "-c", "from legalcheck.records.db import MIGRATIONS; print(MIGRATIONS)"],
                           capture_output=True, text=True, cwd=tmp_path)
    if "site-packages" not in where.stdout:
        pytest.skip("an editable install reads the checkout")
    versions = Path(where.stdout.strip()) / "versions"
    assert sorted(p.name for p in versions.glob("r*.py")) == ["r1_first_schema.py", "r2_orders.py"]
    assert (versions.parent / "env.py").exists() and (versions.parent.parent / "contact_items.yaml").exists()
    env = {"PATH": "/usr/bin:/bin", "LEGALCHECK_DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    out = subprocess.run([str(EXE), "records", "migrate"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0 and "schema revision 2" in out.stderr, out.stderr
    out = subprocess.run([str(EXE), "records", "add-user", "tanaka", "--role", "officer"], input="long-enough-pw\n",
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
