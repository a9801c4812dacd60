using FluentValidation;
using Gateway.Platform.Localization;

namespace Gateway.Complaints.Api;

internal sealed class ComplaintInputValidator : AbstractValidator<ComplaintInput>
{
    private static readonly BilingualText CategoryFormat = new(
        "Kategori: huruf kecil, angka dan tanda hubung (contoh: jalan-rusak).",
        "Category: lowercase letters, digits and hyphens (e.g. jalan-rusak).");

    public ComplaintInputValidator()
    {
        RuleFor(c => c.Category).NotEmpty().Length(2, 80)
            .Matches("^[a-z0-9][a-z0-9-]*$").WithMessage(_ => CategoryFormat.Localize());
        RuleFor(c => c.Class).NotNull().IsInEnum();
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Location).MaximumLength(200);
        RuleFor(c => c.ReporterContact).MaximumLength(200);
    }
}
