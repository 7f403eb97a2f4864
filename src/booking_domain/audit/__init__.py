"""The audit trail, read: admins list who did what to which subject, when, and in which
request. Every context writes the trail in its own units of work through the ``AuditTrail``
port (``booking_domain.shared.audit``, which also holds the entry and its rules); this
context only reads it, and sits at the top of the order beside the other readers.
"""

from booking_domain.shared.audit import MAX_AUDIT_PAGE, AuditEntry, AuditFilter, AuditPage

__all__ = ["MAX_AUDIT_PAGE", "AuditEntry", "AuditFilter", "AuditPage"]
