"""Django admin for administrators: frameworks, countries, users and assessments."""

from django.contrib import admin, messages
from django.db.models import ProtectedError

from . import models
from .forms.country import CountryForm


class AnswerOptionInline(admin.TabularInline):
    model = models.AnswerOption
    extra = 0
    fields = ["order", "key", "level", "label", "statement_template"]


class SubDomainInline(admin.TabularInline):
    model = models.SubDomain
    extra = 0


class DomainInline(admin.TabularInline):
    model = models.Domain
    extra = 0
    fields = ["number", "name", "migof_kind", "migof_text"]


@admin.register(models.Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "version"]
    search_fields = ["name", "slug"]
    inlines = [DomainInline]


@admin.register(models.Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "framework", "migof_kind"]
    list_filter = ["framework"]
    search_fields = ["name", "migof_text"]
    ordering = ["framework", "number"]
    inlines = [SubDomainInline]


@admin.register(models.SubDomain)
class SubDomainAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "domain"]
    list_filter = ["domain__framework"]
    search_fields = ["code", "name"]
    ordering = ["domain__framework", "domain__number", "order"]


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "subdomain", "framework"]
    list_filter = ["framework", "subdomain__domain"]
    search_fields = ["code", "title", "question"]
    ordering = ["framework", "order"]
    inlines = [AnswerOptionInline]


@admin.register(models.AnswerOption)
class AnswerOptionAdmin(admin.ModelAdmin):
    list_display = ["indicator", "key", "level", "label"]
    list_filter = ["level", "indicator__framework"]
    search_fields = ["label", "indicator__code"]
    ordering = ["indicator__framework", "indicator__order", "order"]


@admin.register(models.Country)
class CountryAdmin(admin.ModelAdmin):
    # Names per language, the country's own first (issue 31): no raw JSON to edit.
    form = CountryForm
    list_display = ["code", "short_name", "name", "language"]
    search_fields = ["code", "name", "short_name"]


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(models.Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["country", "edition", "year", "framework", "stage", "covid_module"]
    list_filter = ["stage", "framework", "country"]
    search_fields = ["country__name", "edition"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        # Stages move only through the workflow service, which checks and audits.
        return ["stage"] if obj else []

    def has_delete_permission(self, request, obj=None):
        # An audited assessment is cancelled, never deleted (the model refuses too).
        if obj is not None and obj.audit.exists():
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        try:
            super().delete_queryset(request, queryset)
        except ProtectedError as exc:
            self.message_user(request, exc.args[0], messages.ERROR)


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "assessment", "role", "institution"]
    list_filter = ["role", "assessment"]
    search_fields = ["user__username", "user__email", "institution"]


@admin.register(models.LegalInstrument)
class LegalInstrumentAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "kind", "adopted_on", "country", "in_annex", "annex_no"]
    list_filter = ["country", "kind", "in_annex"]
    search_fields = ["title", "number"]


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["organization", "year", "title", "assessment", "in_key_sources"]
    list_filter = ["assessment", "in_key_sources"]
    search_fields = ["organization", "title"]


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is append-only."""

    list_display = ["created_at", "assessment", "actor_name", "action", "from_state", "to_state"]
    list_filter = ["action", "assessment"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
