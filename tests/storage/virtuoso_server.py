"""A throwaway Virtuoso Open Source 7 server on 127.0.0.1, for the endpoint tests and the benchmark.

Plain Python without pytest, so that ``benchmarks/run.py`` starts the same server the tests use.
The server gets its own virtuoso.ini and data directory under ``root`` and free loopback ports;
Debian's packaged service and /var/lib/virtuoso-opensource-7/db are never touched.

Example (needs Debian's ``virtuoso-opensource-7``; see .ci/virtuoso-install.sh)::

    with VirtuosoServer(Path(tempfile.mkdtemp())) as server:
        print(server.sparql_url)   # http://127.0.0.1:PORT/sparql, writable by anonymous users
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
VAD_DIR = "/usr/share/virtuoso-opensource-7/vad"
VSP_DIR = "/var/lib/virtuoso-opensource-7/vsp"
DBA_PASSWORD = "dba"  # a new database is created with dba/dba; the server listens on loopback only

INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{isql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., {db}, {vad}
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
VADInstallDir            = {vad}/
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxMemPoolSize           = 200000000
MaxQueryMem              = 2G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 10
NumberOfBuffers          = {buffers}
MaxDirtyBuffers          = {dirty_buffers}

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {vsp}
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
MaxCachedProxyConnections   = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
MaintenancePage             = atomic.html
EnabledGzipContent          = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[Replication]
ServerName   = db
ServerEnable = 1
QueueMax     = 50000

[URIQA]
DynamicLocal = 0
DefaultHost  = 127.0.0.1:{http_port}

[SPARQL]
ResultSetMaxRows           = {max_rows}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
DeferInferenceRulesInit    = 0
"""


class VirtuosoUnavailable(RuntimeError):
    """virtuoso-t or isql-vt is not installed."""


def installed() -> bool:
    return shutil.which(VIRTUOSO) is not None and shutil.which(ISQL) is not None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class VirtuosoServer:
    """One virtuoso-t process with its own data directory; ``start`` waits until SPARQL answers.

    ``buffers`` is the number of 8 KB pages of cache (Virtuoso's guidance: about 2/3 of the memory
    it may use); the default, about 400 MB, suits tests, the benchmark asks for more.
    """

    def __init__(self, root: Path, *, buffers: int = 50_000, max_rows: int = 1_000_000) -> None:
        self.root = Path(root)
        self.db = self.root / "db"
        self.buffers = buffers
        self.max_rows = max_rows
        self.isql_port = 0
        self.http_port = 0
        self.process: subprocess.Popen | None = None

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def auth_sparql_url(self) -> str:
        """The endpoint that asks for HTTP Digest credentials (dba/dba here)."""
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    def start(self, timeout: float = 90.0) -> None:
        if not installed():
            raise VirtuosoUnavailable("virtuoso-t/isql-vt not found: run .ci/virtuoso-install.sh")
        self.db.mkdir(parents=True, exist_ok=True)
        self.isql_port, self.http_port = free_port(), free_port()
        while self.http_port == self.isql_port:
            self.http_port = free_port()
        ini = self.root / "virtuoso.ini"
        ini.write_text(
            INI.format(
                db=self.db,
                vad=VAD_DIR,
                vsp=VSP_DIR,
                isql_port=self.isql_port,
                http_port=self.http_port,
                buffers=self.buffers,
                dirty_buffers=self.buffers * 3 // 4,
                max_rows=self.max_rows,
            )
        )
        log = open(self.root / "stdout.log", "ab")
        # +foreground keeps virtuoso-t our own child, so that we stop exactly the process we started.
        self.process = subprocess.Popen(
            [VIRTUOSO, "+configfile", str(ini), "+foreground"],
            cwd=self.db,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        try:
            self._wait(timeout)
            self.grant_update()
        except BaseException:
            self.stop()
            raise

    def grant_update(self) -> None:
        """Let anonymous users of /sparql write (SPARQL Update and the Graph Store Protocol)."""
        roles = self.isql("SELECT COUNT(*) FROM SYS_ROLE_GRANTS WHERE GI_SUPER = (SELECT U_ID FROM SYS_USERS "
                          "WHERE U_NAME = 'SPARQL') AND GI_SUB = (SELECT U_ID FROM SYS_USERS WHERE U_NAME = 'SPARQL_UPDATE');")
        if roles.split() and roles.split()[0] == "1":
            return
        self.isql(
            "GRANT SPARQL_UPDATE TO \"SPARQL\";",
            "GRANT EXECUTE ON DB.DBA.SPARUL_RUN TO \"SPARQL\";",
        )

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = self.sparql_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        request = urllib.request.Request(probe, headers={"Accept": "application/sparql-results+json"})
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer on {self.sparql_url} within {timeout:.0f} s: {self.log_tail()}")

    def isql(self, *statements: str, timeout: float = 120.0) -> str:
        """Run SQL statements through isql-vt as dba; raises on any error."""
        script = "\n".join(statements) + "\n"
        result = subprocess.run(
            [ISQL, f"127.0.0.1:{self.isql_port}", "dba", DBA_PASSWORD,
             "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF", "ERRORS=stdout"],
            input=script,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0 or "*** Error" in result.stdout:
            raise RuntimeError(f"isql-vt failed: {result.stdout.strip()} {result.stderr.strip()}")
        return result.stdout

    def bulk_load(self, path: Path, timeout: float = 7200.0) -> None:
        """Load an N-Quads file with Virtuoso's own bulk loader (ld_dir + rdf_loader_run), then checkpoint.

        The file is linked (or copied) into the data directory, the one directory DirsAllowed lets
        the loader read; each quad goes to its own graph.
        """
        source = Path(path)
        if source.suffix != ".nq":
            raise ValueError(f"{source}: the bulk loader is given N-Quads (.nq) here")
        target = self.db / source.name
        target.unlink(missing_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        try:
            self.isql(
                f"ld_dir('{self.db}', '{source.name}', 'urn:claim-provenance:bulk-default');",
                "rdf_loader_run();",
                "checkpoint;",
                timeout=timeout,
            )
            failed = self.isql(f"SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '%/{source.name}' "
                               "AND ll_error IS NOT NULL;").split()
            if failed and failed[0] != "0":
                raise RuntimeError(f"Virtuoso's bulk loader failed on {source.name}: see DB.DBA.LOAD_LIST")
        finally:
            target.unlink(missing_ok=True)

    def stop(self, timeout: float = 60.0) -> None:
        """Checkpoint and shut down; SIGTERM, then SIGKILL, if the server does not go."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        try:
            subprocess.run(
                [ISQL, f"127.0.0.1:{self.isql_port}", "dba", DBA_PASSWORD, "-K"],
                capture_output=True,
                timeout=timeout,
            )
        except (subprocess.TimeoutExpired, OSError):
            pass
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None and self.process.poll() is None:
                os.kill(self.process.pid, sig)
            try:
                self.process.wait(timeout=timeout if sig is None else 10)
                break
            except subprocess.TimeoutExpired:
                continue
        self.process = None

    def log_tail(self, lines: int = 15) -> str:
        text = ""
        for name in ("stdout.log", "db/virtuoso.log"):
            path = self.root / name
            if path.exists():
                text += path.read_text(errors="replace")
        return " | ".join(text.strip().splitlines()[-lines:])

    def __enter__(self) -> VirtuosoServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
