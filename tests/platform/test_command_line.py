import io
from contextlib import redirect_stdout

from oms.config.command_line import ContextAwareUtility


def test_manage_py_help_lists_each_contexts_commands_under_its_name():
    output = io.StringIO()
    with redirect_stdout(output):
        ContextAwareUtility(["manage.py", "help"]).execute()

    help_text = output.getvalue()
    assert "[orders]" in help_text
    assert "[inventory]" in help_text
    assert "[infrastructure]" not in help_text
    assert help_text.index("sweep_sagas") > help_text.index("[orders]")


def test_commands_still_run_after_the_help_was_built(capsys):
    ContextAwareUtility(["manage.py", "help"]).execute()
    ContextAwareUtility(["manage.py", "check"]).execute()

    assert "no issues" in capsys.readouterr().out
