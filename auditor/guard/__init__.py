"""The guard: check a model's responses live, in a library call or as an OpenAI-compatible proxy.

``Guard`` and ``GuardDecision`` (:mod:`auditor.guard.decision`) are the library; the proxy lives in
:mod:`auditor.guard.proxy` and is imported only when used (it needs Starlette, uvicorn and httpx).
"""

from auditor.guard.decision import Guard, GuardDecision
from auditor.guard.log import DecisionLog
from auditor.guard.settings import GuardSettings, load_settings

__all__ = ["DecisionLog", "Guard", "GuardDecision", "GuardSettings", "load_settings"]
