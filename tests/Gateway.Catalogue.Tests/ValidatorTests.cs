using System.Globalization;
using Gateway.Catalogue.Editing;
using Gateway.Catalogue.Model;
using Gateway.Platform.Catalogue;
using Gateway.Platform.Problems;

namespace Gateway.Catalogue.Tests;

public sealed class ValidatorTests
{
    static ValidatorTests() => ValidationProblems.ConfigureFluentValidation();

    private static ExposureInput Exposure(
        string? prefix = null, IReadOnlyList<string>? destinations = null, AccessRuleInput? access = null, UpstreamAuthInput? auth = null, bool? forwardAuthorization = null) =>
        new(prefix, null, destinations ?? ["http://10.0.0.5/"], "/health", 30, access ?? new AccessRuleInput(AccessRuleKind.Public, null), auth, null, forwardAuthorization);

    private static Dictionary<string, string[]> Errors(ExposureInput input) => new ExposureInputValidator().Validate(input).ToErrors();

    [Fact]
    public void A_valid_exposure_has_no_errors() => Assert.Empty(Errors(Exposure()));

    [Fact]
    public void Errors_are_keyed_by_the_json_path_the_client_sent()
    {
        var errors = Errors(Exposure(destinations: ["http://ok/", "gopher://old"], access: new AccessRuleInput(AccessRuleKind.AgencyClient, "bapenda.pbb.read")));

        Assert.Equal(["access.scope", "destinations[1]"], errors.Keys.Order());
    }

    [Fact]
    public void A_scope_is_only_for_agency_clients()
    {
        Assert.Contains("access.scope", Errors(Exposure(access: new AccessRuleInput(AccessRuleKind.Citizen, "x.read"))).Keys);
        Assert.Empty(Errors(Exposure(access: new AccessRuleInput(AccessRuleKind.AgencyClient, "agency:bapenda:pbb.read"))));
        Assert.Empty(Errors(Exposure(access: new AccessRuleInput(AccessRuleKind.AgencyClient, null))));
    }

    [Fact]
    public void Basic_upstream_auth_cannot_be_combined_with_forwarding_the_clients_authorization()
    {
        var errors = Errors(Exposure(auth: new UpstreamAuthInput(UpstreamAuthKind.Basic, null, "gw", "pw"), forwardAuthorization: true));

        Assert.Equal(["forwardClientAuthorization"], errors.Keys);
    }

    [Fact]
    public void A_basic_user_name_must_not_contain_a_colon()
    {
        var errors = Errors(Exposure(auth: new UpstreamAuthInput(UpstreamAuthKind.Basic, null, "a:b", "pw")));

        Assert.Equal(["upstreamAuth.username"], errors.Keys);
    }

    [Fact]
    public void Messages_follow_the_current_language_and_name_the_field_as_sent()
    {
        var input = new AgencyInput(null, new LocalizedText("Dinas"), new LocalizedText("x"), null);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("id");
            var indonesian = new AgencyInputValidator().Validate(input).ToErrors()["code"][0];
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = new AgencyInputValidator().Validate(input).ToErrors()["code"][0];

            Assert.Equal("'code' tidak boleh kosong.", indonesian);
            Assert.Equal("'code' must not be empty.", english);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
