"""``-o`` writes where a shell redirection would: through links, into FIFOs and devices; ``-o -`` is stdout."""

from __future__ import annotations

import os
import stat
import threading

import pytest


@pytest.mark.parametrize("command", [("export", "--format", "turtle"), ("graph", "--format", "dot"),
                                     ("report", "--html")])
def test_a_symlink_stays_a_link_and_its_target_is_written(seeded_cli, tmp_path, command):
    target = tmp_path / "target.out"
    target.write_text("old")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    if command[0] == "report":
        seeded_cli(*command, str(link))
    else:
        seeded_cli(*command, "-o", str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") != "old" and target.stat().st_size > 100


def test_a_fifo_is_written_into_not_replaced(seeded_cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    seeded_cli("export", "--format", "nquads", "-o", str(fifo))
    reader.join(30)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].count(b"\n") > 900


def test_a_device_stays_a_device(seeded_cli, tmp_path):
    # A null device node of the test's own, never /dev/null itself: code that replaced the node by a
    # regular file would replace the machine's /dev/null when run as root.
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    seeded_cli("export", "-o", str(device))
    seeded_cli("graph", "--format", "dot", "-o", str(device))
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_dash_is_standard_output(seeded_cli, tmp_path):
    result = seeded_cli("export", "--format", "nquads", "-o", "-")
    assert result.stdout.count("\n") > 900
    assert not (tmp_path / "-").exists() and not os.path.exists("-")
    assert seeded_cli("graph", "--format", "dot", "-o", "-").stdout.startswith("digraph")
    assert "<html" in seeded_cli("report", "--html", "-").stdout


def test_a_directory_is_one_error_line(seeded_cli, tmp_path):
    result = seeded_cli("export", "-o", str(tmp_path), expect=2)  # click refuses a directory for a file option
    assert "Traceback" not in result.output
