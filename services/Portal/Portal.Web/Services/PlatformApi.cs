using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Tinjau.Complaints.Contracts;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The portal's one way to the platform: HTTP through the gateway, with the signed-in citizen's access token when
/// there is one. It never throws for what the platform answers: every call gives an <see cref="ApiResult{T}"/>, and a
/// service that cannot be reached (or answers 5xx) is <see cref="ApiResult{T}.Unavailable"/>.
/// </summary>
public sealed partial class PlatformApi(HttpClient http, IHttpContextAccessor context, IMemoryCache cache, IConfiguration configuration,
    ILogger<PlatformApi> logger)
{
    private readonly string? forwarderKey = configuration[TrustedForwarder.KeyConfiguration];

    public const string SecretHeader = "X-Tracking-Secret";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // ---- complaints ----

    public async Task<ApiResult<IReadOnlyList<Category>>> CategoriesAsync(CancellationToken ct)
    {
        if (cache.TryGetValue("categories", out IReadOnlyList<Category>? cached) && cached is not null)
        {
            return new ApiResult<IReadOnlyList<Category>>(HttpStatusCode.OK, cached, NoErrors, null, null, false);
        }
        var result = await SendAsync<List<Open311Service>>(HttpMethod.Get, "/open311/v2/services.json", null, ct);
        if (!result.Ok)
        {
            // The form stays usable through an outage: the last list read is still the catalogue (the service validates on filing).
            return cache.TryGetValue("categories:last", out IReadOnlyList<Category>? last) && last is not null
                ? new ApiResult<IReadOnlyList<Category>>(HttpStatusCode.OK, last, NoErrors, null, null, false)
                : new ApiResult<IReadOnlyList<Category>>(result.Status, null, result.Errors, result.Detail, result.RetryAfterSeconds, result.Unavailable);
        }
        IReadOnlyList<Category> categories = result.Value!.Select(s => new Category(s.ServiceCode, s.ServiceName, s.Description ?? "", s.Group ?? "")).ToList();
        cache.Set("categories", categories, TimeSpan.FromMinutes(5));
        cache.Set("categories:last", categories);
        return new ApiResult<IReadOnlyList<Category>>(HttpStatusCode.OK, categories, NoErrors, null, null, false);
    }

    public Task<ApiResult<FiledComplaint>> FileComplaintAsync(object body, string idempotencyKey, CancellationToken ct) =>
        SendAsync<FiledComplaint>(HttpMethod.Post, "/api/complaints", JsonContent.Create(body, options: Json), ct,
            r => r.Headers.Add("Idempotency-Key", idempotencyKey));

    public Task<ApiResult<Attachment>> AddPhotoAsync(string trackingNumber, string? secret, byte[] content, string contentType, CancellationToken ct)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", "foto");
        return SendAsync<Attachment>(HttpMethod.Post, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}/attachments", form, ct,
            r => AddSecret(r, secret));
    }

    public Task<ApiResult<List<Attachment>>> PhotosAsync(string trackingNumber, string? secret, CancellationToken ct) =>
        SendAsync<List<Attachment>>(HttpMethod.Get, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}/attachments", null, ct,
            r => AddSecret(r, secret));

    /// <summary>
    /// A stored photo's bytes, with the tracking secret or the signed-in user's token (the photos of a rahasia
    /// complaint need one of them: the service decides who sees them).
    /// </summary>
    public async Task<(byte[] Content, string ContentType)?> PhotoAsync(Guid id, string? secret, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/attachments/{id}");
        AddSecret(request, secret);
        await AsCallerAsync(request);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not { } type || !type.StartsWith("image/", StringComparison.Ordinal))
            {
                return null;
            }
            return (await response.Content.ReadAsByteArrayAsync(ct), type);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException
                                       or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogWarning(ex, "Photo {Id} could not be fetched", id);
            return null;
        }
    }

    public Task<ApiResult<TrackingView>> TrackAsync(string trackingNumber, CancellationToken ct) =>
        SendAsync<TrackingView>(HttpMethod.Get, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}", null, ct);

    public Task<ApiResult<TrackingView>> RateAsync(string trackingNumber, int rating, string? comment, string? secret, CancellationToken ct) =>
        SendAsync<TrackingView>(HttpMethod.Post, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}/rate",
            JsonContent.Create(new { rating, comment, secret }, options: Json), ct);

    public Task<ApiResult<TrackingView>> ReopenAsync(string trackingNumber, string? reason, string? secret, CancellationToken ct) =>
        SendAsync<TrackingView>(HttpMethod.Post, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}/reopen",
            JsonContent.Create(new { reason, secret }, options: Json), ct);

    public Task<ApiResult<Support>> SupportAsync(string trackingNumber, string supporterKey, CancellationToken ct) =>
        SendAsync<Support>(HttpMethod.Post, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}/support",
            JsonContent.Create(new { supporterKey }, options: Json), ct);

    public Task<ApiResult<Support>> SupportersAsync(string trackingNumber, CancellationToken ct) =>
        SendAsync<Support>(HttpMethod.Get, $"/api/complaints/track/{Uri.EscapeDataString(trackingNumber)}/support", null, ct);

    public Task<ApiResult<List<NearbyComplaint>>> NearbyAsync(double lat, double lon, string? category, CancellationToken ct) =>
        SendAsync<List<NearbyComplaint>>(HttpMethod.Get, FormattableString.Invariant(
            $"/api/complaints/nearby?lat={lat}&lon={lon}&category={Uri.EscapeDataString(category ?? "")}"), null, ct);

    public Task<ApiResult<ComplaintPage>> MyComplaintsAsync(CancellationToken ct) =>
        SendAsync<ComplaintPage>(HttpMethod.Get, "/api/complaints?mine=true&pageSize=100", null, ct);

    // ---- officers (unit staff and heads: the service scopes every list and action to the caller's unit) ----

    /// <summary>
    /// One page of the complaints the signed-in officer may see (their unit; a head the unit's subtree), the running
    /// deadline soonest first, so a backlog longer than a page still shows its most urgent complaints.
    /// </summary>
    public Task<ApiResult<ComplaintPage>> OfficerComplaintsAsync(int page, CancellationToken ct) =>
        SendAsync<ComplaintPage>(HttpMethod.Get, FormattableString.Invariant($"/api/complaints?pageSize={OfficerPageSize}&page={page}&order=due"), null, ct);

    public const int OfficerPageSize = 200;

    /// <summary>
    /// The officer's row of a complaint by its tracking number, from the list the service scopes to the officer (the
    /// staff API is by id): not found when it is not theirs to see.
    /// </summary>
    public async Task<ApiResult<ComplaintSummary>> OfficerComplaintByNumberAsync(string trackingNumber, CancellationToken ct)
    {
        var result = await SendAsync<ComplaintPage>(HttpMethod.Get, $"/api/complaints?pageSize=1&trackingNumber={Uri.EscapeDataString(trackingNumber)}", null, ct);
        if (!result.Ok)
        {
            return new ApiResult<ComplaintSummary>(result.Status, null, result.Errors, result.Detail, result.RetryAfterSeconds, result.Unavailable);
        }
        return result.Value!.Items.FirstOrDefault() is { } found
            ? new ApiResult<ComplaintSummary>(HttpStatusCode.OK, found, NoErrors, null, null, false)
            : new ApiResult<ComplaintSummary>(HttpStatusCode.NotFound, null, NoErrors, null, null, false);
    }

    public Task<ApiResult<StaffComplaint>> OfficerComplaintAsync(Guid id, CancellationToken ct) =>
        SendAsync<StaffComplaint>(HttpMethod.Get, $"/api/complaints/{id}", null, ct);

    public Task<ApiResult<List<StaffHistory>>> OfficerHistoryAsync(Guid id, CancellationToken ct) =>
        SendAsync<List<StaffHistory>>(HttpMethod.Get, $"/api/complaints/{id}/history", null, ct);

    /// <summary>Disposisi → Proses. The service refuses a stale change (row version) with 409, as any other transition it does not allow.</summary>
    public Task<ApiResult<StaffComplaint>> StartComplaintAsync(Guid id, CancellationToken ct) =>
        SendAsync<StaffComplaint>(HttpMethod.Post, $"/api/complaints/{id}/start", null, ct);

    /// <summary>The unit's answer (1–4,000 characters); a second answer is a 409, so sending twice never answers twice.</summary>
    public Task<ApiResult<StaffComplaint>> AnswerComplaintAsync(Guid id, string answer, CancellationToken ct) =>
        SendAsync<StaffComplaint>(HttpMethod.Post, $"/api/complaints/{id}/answer", JsonContent.Create(new { answer }, options: Json), ct);

    // ---- complaint admins (triage: the service allows these actions to complaint-admin and admin only) ----

    /// <summary>One page of the city-wide list with the triage filters (<see cref="TriageFilter.ApiQuery"/>).</summary>
    public Task<ApiResult<ComplaintPage>> TriageComplaintsAsync(string query, CancellationToken ct) =>
        SendAsync<ComplaintPage>(HttpMethod.Get, "/api/complaints?" + query, null, ct);

    public Task<ApiResult<List<DuplicatePair>>> DuplicatesAsync(CancellationToken ct) =>
        SendAsync<List<DuplicatePair>>(HttpMethod.Get, "/api/complaints/duplicates?limit=50", null, ct);

    /// <summary><c>POST /api/complaints/{id}/{action}</c> (verify, dispose, merge, …): the complaint as it now is, or the service's refusal.</summary>
    public Task<ApiResult<StaffComplaint>> ComplaintActionAsync(Guid id, string action, object body, CancellationToken ct) =>
        SendAsync<StaffComplaint>(HttpMethod.Post, $"/api/complaints/{id}/{Uri.EscapeDataString(action)}", JsonContent.Create(body, options: Json), ct);

    /// <summary>The units a complaint can be disposed to, kept ten minutes: kelurahan, kecamatan, Sudin, PTSP, the city.</summary>
    public async Task<IReadOnlyList<UnitListItem>> DisposableUnitsAsync(CancellationToken ct)
    {
        if (cache.TryGetValue("units:disposable", out IReadOnlyList<UnitListItem>? cached) && cached is not null)
        {
            return cached;
        }
        var units = new List<UnitListItem>();
        foreach (var type in Triage.UnitTypes)
        {
            var result = await UnitsAsync(type, ct);
            if (!result.Ok)
            {
                return units; // not kept: the next page asks again
            }
            units.AddRange(result.Value!.Items.OrderBy(u => u.Name, StringComparer.Ordinal));
        }
        cache.Set<IReadOnlyList<UnitListItem>>("units:disposable", units, TimeSpan.FromMinutes(10));
        return units;
    }

    /// <summary>A queue's rows: each complaint with its unit's time zone and the countdown of the deadline running now.</summary>
    public async Task<IReadOnlyList<QueueRow>> QueueRowsAsync(IEnumerable<ComplaintSummary> items, CancellationToken ct)
    {
        var rows = new List<QueueRow>();
        foreach (var c in items)
        {
            var zone = c.UnitId is { } u ? (await UnitAsync(u, ct))?.TimeZone ?? PortalCulture.DefaultTimeZone : PortalCulture.DefaultTimeZone;
            var due = Officers.IsOpen(c.Status) ? c.CurrentDeadline : null;
            var overdue = due is { } d && d < DateTimeOffset.UtcNow;
            int? left = due is { } dd && !overdue ? await WorkingDaysLeftAsync(c.UnitId, dd, ct) : null;
            rows.Add(new QueueRow(c, zone, overdue, left));
        }
        return rows;
    }

    /// <summary>
    /// Working days left until a deadline on the unit's calendar: the registry's count of the days d with today &lt; d ≤
    /// the deadline's last day (<see cref="PortalCulture.LastMoment"/>), in the unit's time zone; 0 on the last day
    /// itself; null when the registry cannot say. Kept ten minutes per unit, deadline and hour.
    /// </summary>
    public async Task<int?> WorkingDaysLeftAsync(Guid? unitId, DateTimeOffset due, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var key = FormattableString.Invariant($"wd:{unitId}:{due.UtcTicks}:{now:yyyyMMddHH}");
        if (cache.TryGetValue(key, out int cached))
        {
            return cached;
        }
        var query = FormattableString.Invariant(
            $"/api/calendar/working-days/count?from={Uri.EscapeDataString(now.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(PortalCulture.LastMoment(due).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
        query += unitId is { } u ? $"&unitId={u}" : $"&timeZone={Uri.EscapeDataString(PortalCulture.DefaultTimeZone)}";
        var result = await SendAsync<CountWorkingDaysResponse>(HttpMethod.Get, query, null, ct);
        if (!result.Ok)
        {
            return null;
        }
        cache.Set(key, result.Value!.WorkingDays, TimeSpan.FromMinutes(10));
        return result.Value.WorkingDays;
    }

    /// <summary>Public reports for the map: Open311 lists only non-rahasia complaints (last 90 days).</summary>
    public async Task<ApiResult<List<MapReport>>> MapReportsAsync(CancellationToken ct)
    {
        var result = await SendAsync<List<Open311Request>>(HttpMethod.Get, "/open311/v2/requests.json", null, ct);
        if (!result.Ok)
        {
            return new ApiResult<List<MapReport>>(result.Status, null, result.Errors, result.Detail, result.RetryAfterSeconds, result.Unavailable);
        }
        var reports = result.Value!.Where(r => r.Lat is not null && r.Long is not null)
            .Select(r => new MapReport(r.ServiceRequestId, r.Status ?? "open", r.ServiceName ?? "", r.Lat!.Value, r.Long!.Value, r.RequestedDatetime,
                r.AgencyResponsible))
            .ToList();
        return new ApiResult<List<MapReport>>(HttpStatusCode.OK, reports, NoErrors, null, null, false);
    }

    /// <summary>
    /// The time zone of the unit handling a complaint, read from the offset of its Open311 datetimes (which the
    /// complaints service writes in the unit's zone): WIB, WITA or WIT.
    /// </summary>
    public async Task<string> ComplaintTimeZoneAsync(string trackingNumber, CancellationToken ct)
    {
        var result = await SendAsync<List<Open311Request>>(HttpMethod.Get, $"/open311/v2/requests/{Uri.EscapeDataString(trackingNumber)}.json", null, ct);
        return result.Value?.FirstOrDefault()?.RequestedDatetime?.Offset.TotalHours switch
        {
            8 => IndonesianTimeZones.Wita,
            9 => IndonesianTimeZones.Wit,
            _ => PortalCulture.DefaultTimeZone,
        };
    }

    // ---- registry ----

    public async Task<Unit?> UnitAsync(Guid id, CancellationToken ct)
    {
        var key = $"unit:{id}";
        if (cache.TryGetValue(key, out Unit? unit))
        {
            return unit;
        }
        var result = await SendAsync<Unit>(HttpMethod.Get, $"/api/units/{id}", null, ct);
        if (result.Ok)
        {
            cache.Set(key, result.Value, TimeSpan.FromMinutes(10));
        }
        return result.Value;
    }

    /// <summary>A unit's live complaint figures; the scorecard page asks for every kelurahan, so they are kept a minute.</summary>
    public async Task<ApiResult<UnitComplaintStats>> UnitComplaintStatsAsync(Guid unitId, CancellationToken ct)
    {
        var key = $"stats:{unitId}";
        if (cache.TryGetValue(key, out ApiResult<UnitComplaintStats>? cached) && cached is not null)
        {
            return cached;
        }
        var result = await SendAsync<UnitComplaintStats>(HttpMethod.Get, $"/api/units/{unitId}/complaint-stats", null, ct);
        if (result.Ok)
        {
            cache.Set(key, result, TimeSpan.FromMinutes(1));
        }
        return result;
    }

    /// <summary>Units whose name or code matches <paramref name="q"/> (the registry's search), at most 20.</summary>
    public Task<ApiResult<UnitList>> SearchUnitsAsync(string q, CancellationToken ct) =>
        SendAsync<UnitList>(HttpMethod.Get, $"/api/units?q={Uri.EscapeDataString(q)}&pageSize=20", null, ct);

    public Task<ApiResult<UnitList>> UnitsAsync(string type, CancellationToken ct) =>
        SendAsync<UnitList>(HttpMethod.Get, $"/api/units?type={Uri.EscapeDataString(type)}&pageSize=100", null, ct);

    // ---- evaluations ----

    public Task<ApiResult<SkmForm>> SkmFormAsync(string slug, CancellationToken ct) =>
        SendAsync<SkmForm>(HttpMethod.Get, $"/api/skm/public/{Uri.EscapeDataString(slug)}", null, ct);

    /// <summary>One respondent, one response: the survey's token for this respondent (rate-limited per address by the service).</summary>
    public Task<ApiResult<SkmToken>> SkmTokenAsync(string slug, CancellationToken ct) =>
        SendAsync<SkmToken>(HttpMethod.Post, $"/api/skm/public/{Uri.EscapeDataString(slug)}/tokens", null, ct);

    public Task<ApiResult<JsonElement>> SkmAnswerAsync(string slug, IReadOnlyList<int> answers, string? responseToken, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/api/skm/public/{Uri.EscapeDataString(slug)}/responses",
            JsonContent.Create(new { answers, responseToken }, options: Json), ct);

    public Task<ApiResult<F03Form>> F03FormAsync(string token, CancellationToken ct) =>
        SendAsync<F03Form>(HttpMethod.Get, $"/api/evaluations/f03/{Uri.EscapeDataString(token)}", null, ct);

    public Task<ApiResult<JsonElement>> F03AnswerAsync(string token, IReadOnlyDictionary<string, int> answers, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/api/evaluations/f03/{Uri.EscapeDataString(token)}",
            JsonContent.Create(new { answers }, options: Json), ct);

    /// <summary>IKM of the closed SKM surveys of a year.</summary>
    public Task<ApiResult<SkmResults>> PublicSkmResultsAsync(int year, CancellationToken ct) =>
        SendAsync<SkmResults>(HttpMethod.Get, $"/api/skm/public/results?year={year}", null, ct);

    public Task<ApiResult<Ranking>> PublicRankingAsync(int? year, CancellationToken ct) =>
        SendAsync<Ranking>(HttpMethod.Get, year is { } y ? $"/api/evaluations/public/scorecards?year={y}" : "/api/evaluations/public/scorecards", null, ct);

    // ---- identity ----

    public Task<ApiResult<JsonElement>> RegisterAsync(string? email, string? phone, string? password, string? displayName, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Post, "/api/identity/register",
            JsonContent.Create(new { email, phone, password, displayName }, options: Json), ct);

    // ---- plumbing ----

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private static void AddSecret(HttpRequestMessage request, string? secret)
    {
        if (!string.IsNullOrWhiteSpace(secret))
        {
            request.Headers.Add(SecretHeader, secret.Trim());
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        configure?.Invoke(request);
        await AsCallerAsync(request);
        request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.Name);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var status = response.StatusCode;
            if ((int)status >= 500)
            {
                logger.LogWarning("{Method} {Path} answered {Status}", method, path, (int)status);
                return ApiResult<T>.Down();
            }
            if (status == HttpStatusCode.NoContent && typeof(T) == typeof(Done))
            {
                return new ApiResult<T>(status, (T)(object)new Done(), NoErrors, null, null, false);
            }
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
                return new ApiResult<T>(status, value, NoErrors, null, null, false);
            }
            var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : (int?)null;
            var problem = await ReadProblemAsync(response, ct);
            return new ApiResult<T>(status, default, problem?.Errors ?? NoErrors, problem?.Detail, retryAfter, false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException
                                       or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            if (ct.IsCancellationRequested)
            {
                throw;
            }
            logger.LogWarning(ex, "{Method} {Path}: the platform could not be reached", method, path);
            return ApiResult<T>.Down();
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "{Method} {Path}: the answer was not the JSON expected", method, path);
            return ApiResult<T>.Down();
        }
    }

    /// <summary>The signed-in user's own token, and the user's address for the gateway's limits.</summary>
    private async Task AsCallerAsync(HttpRequestMessage request)
    {
        if (context.HttpContext is not { } httpContext)
        {
            return;
        }
        if (await PortalAuthentication.AccessTokenAsync(httpContext) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        // The citizen's own address (after the gateway's X-Forwarded-For) and the key that makes the gateway
        // believe it: its limits then count this citizen, not the portal.
        if (httpContext.Connection.RemoteIpAddress is { } address && !string.IsNullOrEmpty(forwarderKey))
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", address.ToString());
            request.Headers.TryAddWithoutValidation(TrustedForwarder.Header, forwarderKey);
        }
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors);

    private sealed record Open311Service(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("group")] string? Group);

    private sealed record Open311Request(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("service_name")] string? ServiceName,
        [property: JsonPropertyName("lat")] double? Lat,
        [property: JsonPropertyName("long")] double? Long,
        [property: JsonPropertyName("requested_datetime")] DateTimeOffset? RequestedDatetime,
        [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible);
}
