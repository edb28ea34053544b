"""What a follow-up's invitation carries from the baseline besides the role: assignments."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessment import SUBDOMAIN_XOR_INDICATOR, Invitation
from .framework import Indicator, SubDomain


class PendingAssignment(models.Model):
    """An assignment that becomes real when its invitation is accepted (issue 31).

    Kept apart from Assignment because nobody holds the membership yet: an invited person
    joins, with these assignments, only by accepting.
    """

    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, related_name="pending_assignments"
    )
    subdomain = models.ForeignKey(SubDomain, on_delete=models.CASCADE, null=True, blank=True)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=SUBDOMAIN_XOR_INDICATOR,
                name="pending_assignment_subdomain_xor_indicator",
            ),
        ]
        verbose_name = _("pending assignment")
        verbose_name_plural = _("pending assignments")

    def __str__(self) -> str:
        return f"{self.invitation}: {self.subdomain or self.indicator}"
