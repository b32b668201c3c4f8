namespace Tinjau.Evaluations.Api.Apis;

public static class EvaluationsApi
{
    /// <summary>
    /// Everything under <c>/api/evaluations</c> (PEKPPP, evidence, Ombudsman readiness, scorecards) and <c>/api/skm</c>.
    /// Anonymous only: F03 answers by invitation token, SKM public links and public scorecards.
    /// </summary>
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations");
        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);
        var evaluators = api.MapGroup("").RequireAuthorization(Policies.Evaluator);
        var cityWide = api.MapGroup("").RequireAuthorization(Policies.CityWideRead);
        var anonymous = api.MapGroup("").AllowAnonymous();

        InstrumentsApi.Map(staff, api.MapGroup("").RequireAuthorization(Policies.Admin));
        CyclesApi.Map(staff, evaluators, cityWide);
        FormsApi.Map(staff);
        F03Api.Map(staff, anonymous);
        BeritaAcaraApi.Map(staff);
        RecommendationsApi.Map(staff);
        InsightsApi.Map(staff, cityWide, anonymous);

        SkmApi.Map(app.MapGroup("/api/skm"));
        return app;
    }
}
