"""Test support: run the tasks the database backend holds, in the test's own transaction.

``call_command("db_worker", "--batch", "--no-startup-delay")`` is the real worker; it needs a
``django_db(transaction=True)`` test. This helper runs the same queued tasks in-process for the
ordinary (rolled-back) tests, and marks each as the worker would.
"""

from __future__ import annotations


def run_enqueued_tasks() -> int:
    """Run every ready task of the database backend, oldest first; return how many ran."""
    from django_tasks_db.models import DBTaskResult

    ran = 0
    while (db_result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        arguments = db_result.args_kwargs
        try:
            value = db_result.task.call(*arguments["args"], **arguments["kwargs"])
        except Exception as exc:  # the worker records a failure the same way
            db_result.set_failed(exc)
        else:
            db_result.set_successful(value)
        ran += 1
    return ran
