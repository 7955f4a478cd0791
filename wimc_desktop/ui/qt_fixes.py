"""Work-arounds for known bugs of the Qt binding, applied once when wimc_desktop.ui loads.

PySide6 6.12.0 on CPython 3.11 returns Py_True from SignalInstance.emit() and Py_None
from every void method (setText, show, processEvents...) without taking a reference.
Each such call drops one reference, and after a few thousand the interpreter aborts
("Fatal Python error: bool_dealloc" / "none_dealloc"): scrolling the guest table for a
minute is enough. 6.11.3 is fine; on CPython 3.12+ True and None are immortal.

The emit() leak is repaired here (it is what kills a test run). The None leak is in
every void call and cannot be patched from Python: binding_is_broken() detects it so the
app can say so at startup; the real fix is another PySide6 version. Both checks measure
the bug instead of trusting version numbers, so they go quiet once it is gone.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 8
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    pinged = Signal()


def emit_steals_a_bool() -> bool:
    """True when SignalInstance.emit returns a bool without owning a reference to it."""
    if sys.version_info >= (3, 12):
        return False  # True and False are immortal: a missing reference is harmless
    probe = _Probe()
    before = sys.getrefcount(True)
    results = [probe.pinged.emit() for _ in range(_PROBES)]
    stolen = before + _PROBES - sys.getrefcount(True)
    for value in results:
        if stolen and isinstance(value, bool):
            _incref(value)  # give back what the probes took
    return stolen > 0


def void_calls_drop_none() -> bool:
    """True when a void method returns None without owning a reference to it."""
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    stolen = before - sys.getrefcount(None)
    for _ in range(max(stolen, 0)):
        _incref(None)  # give back what the probes took
    return stolen >= _PROBES


def binding_is_broken() -> bool:
    """True when this PySide6 will crash the app sooner or later (see the module doc)."""
    return void_calls_drop_none()


def _unwrap(slot: Any) -> Any:
    """`other.emit` (now a Python method) back to `other`, a signal-to-signal connection."""
    if getattr(slot, "__func__", None) is _fixed_emit and isinstance(slot.__self__, SignalInstance):
        return slot.__self__
    return slot


def _fixed_emit(self: SignalInstance, *args: Any) -> Any:
    result = _original["emit"](self, *args)
    if result is True or result is False:
        _incref(result)
    return result


def _fixed_connect(self: SignalInstance, slot: Any, *args: Any, **kwargs: Any) -> Any:
    return _original["connect"](self, _unwrap(slot), *args, **kwargs)


def _fixed_disconnect(self: SignalInstance, *args: Any) -> Any:
    return _original["disconnect"](self, *(_unwrap(a) for a in args))


_original: dict[str, Any] = {}


def _install_emit_fix() -> None:
    for name, fixed in (("emit", _fixed_emit), ("connect", _fixed_connect),
                        ("disconnect", _fixed_disconnect)):
        _original[name] = getattr(SignalInstance, name)
        setattr(SignalInstance, name, fixed)


def apply() -> bool:
    """Apply the fixes this Qt binding needs; True when one was needed."""
    if _original:
        return True
    if emit_steals_a_bool():
        _install_emit_fix()
        return True
    return False
