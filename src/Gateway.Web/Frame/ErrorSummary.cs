namespace Gateway.Web.Frame;

/// <summary>
/// What a form got wrong, for the summary at its top (the GOV.UK pattern): a problem with the whole form, if any,
/// and one link per field at fault, to the field's id.
/// </summary>
public sealed record ErrorSummary(string? Problem, IReadOnlyList<ErrorLink> Links)
{
    public bool Any => Problem is not null || Links.Count > 0;
}

/// <param name="FieldId">The id of the field's input (the link's target).</param>
public sealed record ErrorLink(string FieldId, string Text);
