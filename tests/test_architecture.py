"""`quizwright export anki|pdf` as a teacher runs it: default paths, options, one-line errors."""

import subprocess
import sys


def test_the_library_does_not_import_the_cli_toolkits():
    code = "import sys, quizwright.exporters.anki, quizwright.exporters.pdf; print(sorted({'typer', 'rich'} & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
