using System.Text.Json;
using Microsoft.Playwright;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Portal.BrowserTests;

/// <summary>
/// The satgas field app on a phone: a plan made in the form and another cancelled, a whole visit recorded without a
/// signal, kept on the device and sent once the signal returns (accepted once, even when the first answer is lost);
/// the plans stay invisible to the unit's staff.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SatgasFieldTests(PortalPlatformFixture platform)
{
    private const double KwitangLat = -6.1826;
    private const double KwitangLon = 106.8412;
    private const string Satgas = "satgas@tinjau.local";

    [Fact]
    public async Task A_plan_made_in_the_form_is_visited_offline_queued_then_accepted_once_and_Kwitang_staff_see_nothing_of_the_plans()
    {
        var kwitang = await platform.KwitangAsync();
        var token = await platform.TokenAsync(Satgas, "inspections");
        // An earlier visit recorded Kwitang's counter officer: the roster this visit's attendance starts from.
        var nip = "19800101" + Random.Shared.Next(10_000_000, 99_999_999);
        await platform.SendAsync(HttpMethod.Put, $"/api/inspections/visits/{Guid.NewGuid()}/submission", token,
            await SubmissionAsync(token, kwitang, null, nip, "present"), expected: 201);
        var title = $"Sidak pagi Kwitang {Guid.NewGuid():N}"[..28];
        // Another plan (made through the API) that the satgas cancels in the portal.
        var otherTitle = $"Sidak batal Kwitang {Guid.NewGuid():N}"[..29];
        var otherId = await PlanAsync(token, kwitang, otherTitle);

        var page = await platform.NewPageAsync(phone: true);
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = (float)KwitangLat, Longitude = (float)KwitangLon, Accuracy = 12 });
        await page.SignInAsync(Satgas, "/sidak");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sidak");
        await Assertions.Expect(page.Locator("[data-nav-sidak]")).ToBeVisibleAsync();

        // The plan is made in the form: the service's refusals beside their fields, what was typed kept; units found
        // by the registry's search and ticked; then the plan's own page.
        await page.Locator("[data-new-plan]").ClickAsync();
        await page.WaitForURLAsync("**/sidak/rencana/baru");
        await page.FillAsync("#title", title);
        await page.FillAsync("#teamMembers", "Satgas Demo\nAndi Pratama");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan rencana" }).ClickAsync();
        await Assertions.Expect(page.Locator("#unitIds-error")).ToContainTextAsync("Centang paling sedikit satu unit");
        await Assertions.Expect(page.Locator("#windowStart-error")).ToContainTextAsync("Pilih tanggal mulai");
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await page.FillAsync("#q", "Kwitang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
        await page.Locator($"[data-unit-choice=\"{kwitang}\"] input").CheckAsync();
        await page.FillAsync("#windowStart", Day(-1));
        await page.FillAsync("#windowEnd", Day(7));
        await Assertions.Expect(page.Locator("#teamMembers")).ToHaveValueAsync("Satgas Demo\nAndi Pratama");
        await page.InspectAsync("sidak-rencana-baru-360-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan rencana" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/sidak/rencana/[0-9a-f-]{36}\?dibuat=1$"));
        var planId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        await Assertions.Expect(page.GetByText("Rencana tersimpan.")).ToBeVisibleAsync();
        var made = await platform.SendAsync(HttpMethod.Get, $"/api/inspections/plans/{planId}", token);
        Assert.Equal(title, made.GetProperty("title").GetString());
        Assert.Equal([kwitang], made.GetProperty("unitIds").EnumerateArray().Select(u => u.GetGuid()));
        Assert.Equal(["Satgas Demo", "Andi Pratama"], made.GetProperty("teamMembers").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(Day(7), made.GetProperty("windowEnd").GetString());

        // The other plan is cancelled after a confirmation step, with a reason.
        await page.GotoAsync($"/sidak/rencana/{otherId}");
        await page.Locator("[data-cancel-plan]").ClickAsync();
        var confirm = page.Locator("[data-cancel-confirm]");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await page.InspectAsync("sidak-rencana-batal-360-id");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, batalkan rencana" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cancel-reason-error")).ToContainTextAsync("Tulis alasan");
        await page.FillAsync("#cancel-reason", "Jadwal bentrok dengan rapat koordinasi.");
        await page.Locator("[data-cancel-confirm]").GetByRole(AriaRole.Button, new() { Name = "Ya, batalkan rencana" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Rencana dibatalkan.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-plan-status]")).ToHaveAttributeAsync("data-plan-status", "cancelled");
        await Assertions.Expect(page.Locator("[data-start-visit]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-cancel-plan]")).ToHaveCountAsync(0);
        Assert.Equal("cancelled", (await platform.SendAsync(HttpMethod.Get, $"/api/inspections/plans/{otherId}", token)).GetProperty("status").GetString());

        await page.GotoAsync("/sidak");
        await Assertions.Expect(page.Locator($"[data-plan=\"{otherId}\"] [data-plan-status]")).ToHaveTextAsync("Dibatalkan");
        var plan = page.Locator($"[data-plan=\"{planId}\"]");
        await Assertions.Expect(plan).ToContainTextAsync(title);
        await Assertions.Expect(plan).ToContainTextAsync("Kelurahan Kwitang");
        await page.InspectAsync("sidak-360-id");

        await plan.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForURLAsync($"**/sidak/rencana/{planId}");
        var visitPath = $"/sidak/kunjungan/{planId}/{kwitang}";
        // The service worker keeps the plan's visit form on the device before the signal goes.
        await WaitForAsync(page, $"(async () => !!navigator.serviceWorker.controller && !!(await caches.match('{visitPath}')))()");
        await page.InspectAsync("sidak-rencana-360-id");
        await page.Locator($"[data-start-visit=\"{kwitang}\"]").ClickAsync();
        await page.WaitForURLAsync($"**{visitPath}");
        var budi = page.Locator($"[data-officer][data-staff-number=\"{nip}\"]");
        await Assertions.Expect(budi).ToContainTextAsync("Budi Santoso");
        await WaitForAsync(page, "!!navigator.serviceWorker.controller");

        // No signal from here on: check-in, checklist, attendance and a finding with a photo taken in the page.
        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("[data-sidak-connection]")).ToContainTextAsync("Tanpa sinyal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pakai lokasi perangkat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lat")).ToHaveValueAsync("-6.182600");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check-in sekarang" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-checkin-status]")).ToContainTextAsync("Check-in tersimpan di perangkat");
        var items = page.Locator("[data-checklist-item]");
        Assert.Equal(13, await items.CountAsync());
        for (var i = 0; i < 13; i++)
        {
            var code = await items.Nth(i).GetAttributeAsync("data-checklist-item");
            await items.Nth(i).Locator($"input[value=\"{(code == "staff-present" ? "no" : "yes")}\"]").CheckAsync();
        }
        await budi.Locator("select").SelectOptionAsync("absent-without-reason");
        await page.FillAsync("#new-name", "Sri Wahyuni");
        await page.FillAsync("#new-position", "Petugas informasi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan ke daftar" }).ClickAsync();
        await page.Locator("[data-officer][data-name=\"Sri Wahyuni\"] select").SelectOptionAsync("present");
        // Anyone else the roster holds (earlier visits of other tests) was at work.
        var selects = page.Locator("[data-officer] select");
        for (var i = 0; i < await selects.CountAsync(); i++)
        {
            if (await selects.Nth(i).InputValueAsync() == "")
            {
                await selects.Nth(i).SelectOptionAsync("present");
            }
        }
        await page.SelectOptionAsync("#f-severity", "high");
        await page.SelectOptionAsync("#f-item", "staff-present");
        await page.FillAsync("#f-category", "kehadiran");
        await page.FillAsync("#f-description", "Loket 2 kosong pada jam layanan; petugasnya tidak hadir tanpa keterangan.");
        await page.SelectOptionAsync("#f-officer", (await budi.GetAttributeAsync("data-id"))!);
        await page.SetInputFilesAsync("#f-photos", new FilePayload { Name = "loket.jpg", MimeType = "image/jpeg", Buffer = ExifPhotos.JpegWithGps(1200, 900) });
        await Assertions.Expect(page.Locator("#f-photos-status")).ToContainTextAsync("1 foto siap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambahkan temuan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-findings] li")).ToHaveCountAsync(1);
        await page.InspectAsync("sidak-kunjungan-360-id");

        // The first answer is lost on the way back (the service stores the visit; the phone hears nothing), so the
        // device sends the same visit again: the service answers it as a replay and stores nothing twice.
        var sends = 0;
        await page.Context.RouteAsync("**/sidak/kunjungan/*/kirim", async route =>
        {
            if (Interlocked.Increment(ref sends) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }
            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan dan kirim kunjungan" }).ClickAsync();
        var queued = page.Locator("[data-queued]");
        await Assertions.Expect(queued).ToHaveCountAsync(1);
        await Assertions.Expect(queued.Locator("[data-queue-state]")).ToHaveTextAsync("Menunggu dikirim");
        var visitId = Guid.Parse((await queued.GetAttributeAsync("data-queued"))!);
        Assert.Equal(0, sends);
        Assert.Equal(0L, await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM sidak_visits WHERE id = '{visitId}'"));
        await page.InspectAsync("sidak-antrean-luring-360-id");

        // Meanwhile Kwitang's staff, signed in at the same time, find nothing of the plan anywhere in the portal.
        var staff = await platform.NewPageAsync(phone: true);
        await staff.SignInAsync("staff.kwitang@tinjau.local", "/petugas");
        await Assertions.Expect(staff.Locator("[data-nav-sidak]")).ToHaveCountAsync(0);
        await AssertNothingOfThePlanAsync(staff, kwitang, (planId, title), (otherId, otherTitle));
        await staff.GotoAsync("/sidak");
        await staff.InspectAsync("sidak-petugas-403-360-id");

        // The signal returns: the queue sends by itself and the service's answer is shown.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(queued.Locator("[data-queue-state]")).ToHaveTextAsync("Diterima", new() { Timeout = 60_000 });
        await Assertions.Expect(queued.Locator("[data-server-answer]")).ToContainTextAsync("Skor kepatuhan 92,3 %");
        await Assertions.Expect(queued.Locator("[data-server-answer]")).ToContainTextAsync("tidak tercatat dua kali");
        Assert.Equal(2, sends);
        Assert.Equal(1L, await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM sidak_visits WHERE id = '{visitId}' AND plan_id = '{planId}'"));
        Assert.Equal(1L, await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM findings WHERE visit_id = '{visitId}'"));
        Assert.Equal(1L, await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM evidence WHERE visit_id = '{visitId}'"));
        Assert.Equal((long)await selects.CountAsync(), await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM attendance_records WHERE visit_id = '{visitId}'"));
        var visit = await platform.SendAsync(HttpMethod.Get, $"/api/inspections/visits/{visitId}", token);
        Assert.Equal("submitted", visit.GetProperty("status").GetString());
        Assert.Contains(visit.GetProperty("attendance").EnumerateArray(),
            a => a.GetProperty("staffNumber").GetString() == nip && a.GetProperty("status").GetString() == "absent-without-reason");
        await page.InspectAsync("sidak-antrean-diterima-360-id");

        // Nothing is sent again: a new round of the queue and a reload leave the one visit.
        await page.EvaluateAsync("window.tinjauSidak.sync()");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-queued] [data-queue-state]")).ToHaveTextAsync("Diterima");
        Assert.Equal(2, sends);
        Assert.Equal(1L, await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM sidak_visits WHERE id = '{visitId}'"));

        // The submitted visit reaches the unit without its plan; the portal still shows the staff nothing of it.
        await AssertNothingOfThePlanAsync(staff, kwitang, (planId, title));
    }

    [Fact]
    public async Task A_finding_is_followed_up_from_the_plan_to_the_superiors_decision_and_the_pages_read_in_English()
    {
        var kwitang = await platform.KwitangAsync();
        var token = await platform.TokenAsync(Satgas, "inspections");
        var title = $"Sidak siang Kwitang {Guid.NewGuid():N}"[..29];
        var planId = await PlanAsync(token, kwitang, title);
        var nip = "19850505" + Random.Shared.Next(10_000_000, 99_999_999);
        var visitId = Guid.NewGuid();
        var visit = await platform.SendAsync(HttpMethod.Put, $"/api/inspections/visits/{visitId}/submission", token,
            await SubmissionAsync(token, kwitang, planId, nip, "absent-without-reason", finding: true), expected: 201);
        var findingId = visit.GetProperty("findings")[0].GetProperty("id").GetGuid();

        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync(Satgas, $"/sidak/rencana/{planId}");
        // A body over the portal's 25 MB gets the field app's sentence, not a server error, and stores nothing.
        var bigVisit = Guid.NewGuid();
        var tooLarge = await page.EvaluateAsync<JsonElement>(@"async (id) => {
            const t = await (await fetch('/sidak/kunci', { headers: { Accept: 'application/json' } })).json();
            const r = await fetch(`/sidak/kunjungan/${id}/kirim`, { method: 'PUT', body: new Uint8Array(26 * 1024 * 1024),
                headers: { RequestVerificationToken: t.token, 'Content-Type': 'application/json', Accept: 'application/json' } });
            return { status: r.status, body: await r.text() };
        }", bigVisit.ToString());
        Assert.Equal(413, tooLarge.GetProperty("status").GetInt32());
        Assert.Contains("terlalu besar", tooLarge.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await platform.CountAsync("inspectionsdb", $"SELECT count(*) FROM sidak_visits WHERE id = '{bigVisit}'"));
        var finding = page.Locator($"[data-finding=\"{findingId}\"]");
        await Assertions.Expect(finding).ToContainTextAsync("Loket 2 kosong");
        await finding.Locator("textarea").FillAsync("Mengapa loket 2 kosong pada jam layanan?");
        await finding.GetByRole(AriaRole.Button, new() { Name = "Minta klarifikasi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Permintaan klarifikasi terkirim.")).ToBeVisibleAsync();

        // The head of Kwitang answers through the API; the satgas reads it and escalates to the officer's superior.
        var follow = await platform.SendAsync(HttpMethod.Get, $"/api/inspections/follow-ups?unitId={kwitang}", token);
        var clarificationId = follow.GetProperty("clarifications").EnumerateArray().Single(c => c.GetProperty("findingId").GetGuid() == findingId)
            .GetProperty("id").GetGuid();
        // The head of Kwitang answers in the portal: the finding and the question, never the plan.
        var lurah = await platform.NewPageAsync(phone: true);
        await lurah.SignInAsync("lurah.kwitang@tinjau.local", "/petugas");
        await lurah.GetByRole(AriaRole.Link, new() { Name = "Klarifikasi temuan sidak" }).ClickAsync();
        await lurah.WaitForURLAsync("**/petugas/klarifikasi");
        var asked = lurah.Locator($"[data-clarification=\"{clarificationId}\"]");
        await Assertions.Expect(asked.Locator("[data-finding]")).ToContainTextAsync("Loket 2 kosong pada jam layanan.");
        await Assertions.Expect(asked).ToContainTextAsync("Mengapa loket 2 kosong pada jam layanan?");
        Assert.DoesNotContain(title, await lurah.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(planId.ToString(), await lurah.ContentAsync(), StringComparison.Ordinal);
        await asked.GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Assertions.Expect(lurah.Locator($"#answer-{clarificationId}-error")).ToContainTextAsync("Tulis jawaban");
        await lurah.FillAsync($"#answer-{clarificationId}", "Petugas sedang sakit dan belum mengirim surat keterangan.");
        await lurah.Locator($"[data-clarification=\"{clarificationId}\"]").GetByRole(AriaRole.Button, new() { Name = "Kirim jawaban" }).ClickAsync();
        await Assertions.Expect(lurah.GetByText("Jawaban terkirim ke satgas.")).ToBeVisibleAsync();
        await Assertions.Expect(lurah.Locator($"[data-clarification=\"{clarificationId}\"] [data-status]")).ToHaveAttributeAsync("data-status", "answered");
        await lurah.InspectAsync("petugas-klarifikasi-360-id");
        await page.GotoAsync("/sidak/tindak-lanjut");
        var item = page.Locator($"[data-clarification=\"{clarificationId}\"]");
        await Assertions.Expect(item.Locator("[data-status]")).ToHaveTextAsync("Dijawab unit");
        await Assertions.Expect(item).ToContainTextAsync("belum mengirim surat keterangan");
        await page.InspectAsync("sidak-tindak-lanjut-360-id");
        // The superior's name is required beside its field; the level is the satgas's choice below the ladder.
        await item.GetByRole(AriaRole.Button, new() { Name = "Kirim rekomendasi sanksi" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#sup-{clarificationId}-error")).ToContainTextAsync("Isi nama atasan langsung");
        await page.FillAsync($"#sup-{clarificationId}", "Lurah Kwitang");
        await page.SelectOptionAsync($"#lvl-{clarificationId}", "spoken-reprimand");
        await page.Locator($"[data-clarification=\"{clarificationId}\"]").GetByRole(AriaRole.Button, new() { Name = "Kirim rekomendasi sanksi" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Rekomendasi sanksi terkirim ke atasan langsung: Teguran lisan.")).ToBeVisibleAsync();
        var sanction = page.Locator("[data-sanction]").Filter(new() { HasText = "Budi Santoso" });
        await Assertions.Expect(sanction).ToContainTextAsync("Lurah Kwitang");
        await sanction.GetByRole(AriaRole.Button, new() { Name = "Catat keputusan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Keputusan tercatat: Dijatuhkan sesuai rekomendasi.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-sanction]").Filter(new() { HasText = "Budi Santoso" })).ToHaveCountAsync(0);
        await page.InspectAsync("sidak-keputusan-360-id");

        var desktop = await platform.NewPageAsync(phone: false, language: "en");
        await desktop.SignInAsync(Satgas, "/sidak");
        await Assertions.Expect(desktop.Locator("h1")).ToHaveTextAsync("Inspections (sidak)");
        await Assertions.Expect(desktop.Locator($"[data-plan=\"{planId}\"]")).ToContainTextAsync("Planned");
        await desktop.InspectAsync("sidak-1280-en");
        await desktop.GotoAsync($"/sidak/kunjungan/{planId}/{kwitang}");
        await Assertions.Expect(desktop.Locator("h2#h-checkin")).ToHaveTextAsync("1. Check in");
        await desktop.InspectAsync("sidak-kunjungan-1280-en");
    }

    [Fact]
    public async Task A_page_slower_than_the_field_apps_wait_is_waited_for_not_replaced_by_the_kept_sidak_page()
    {
        var kwitang = await platform.KwitangAsync();
        var planId = await PlanAsync(await platform.TokenAsync(Satgas, "inspections"), kwitang, $"Sidak lambat Kwitang {Guid.NewGuid():N}"[..30]);
        var page = await platform.NewPageAsync(phone: true);
        await page.SignInAsync(Satgas, "/sidak");
        await WaitForAsync(page, "!!navigator.serviceWorker.controller && caches.has('tinjau-sidak-pages')");
        // A weak signal: the visit page (never opened, so not kept) answers after the service worker's 4 s wait.
        var visitPath = $"/sidak/kunjungan/{planId}/{kwitang}";
        await page.Context.RouteAsync($"**{visitPath}", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            await route.ContinueAsync();
        });
        await page.GotoAsync(visitPath, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("h2#h-checkin")).ToHaveTextAsync("1. Check-in");
        Assert.EndsWith(visitPath, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leadership_reads_the_plans_but_is_offered_no_plan_form_and_no_visit_and_the_service_refuses_its_plan()
    {
        var kwitang = await platform.KwitangAsync();
        var title = $"Sidak pimpinan Kwitang {Guid.NewGuid():N}"[..32];
        var planId = await PlanAsync(await platform.TokenAsync(Satgas, "inspections"), kwitang, title);

        var page = await platform.NewPageAsync(phone: false);
        await page.SignInAsync("leadership@tinjau.local", "/sidak");
        await Assertions.Expect(page.Locator($"[data-plan=\"{planId}\"]")).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("[data-new-plan]")).ToHaveCountAsync(0);

        // The form's address says in words that only the satgas plan, with no form to fill.
        var form = await page.GotoAsync("/sidak/rencana/baru");
        Assert.Equal(200, form!.Status);
        await Assertions.Expect(page.Locator("[data-plan-forbidden]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await page.InspectAsync("sidak-rencana-baru-pimpinan-1280-id");

        // The plan reads whole, without cancelling or starting a visit; the visit page is the satgas' only.
        await page.GotoAsync($"/sidak/rencana/{planId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator($"[data-unit=\"{kwitang}\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-cancel-plan], [data-start-visit]")).ToHaveCountAsync(0);
        Assert.Equal(403, (await page.GotoAsync($"/sidak/kunjungan/{planId}/{kwitang}"))!.Status);

        // The service is the authority: leadership's own plan is refused there too, and nothing is stored.
        var leadership = await platform.TokenAsync("leadership@tinjau.local", "inspections");
        var refusedTitle = $"Sidak ditolak {Guid.NewGuid():N}"[..24];
        await platform.SendAsync(HttpMethod.Post, "/api/inspections/plans", leadership, new
        {
            title = refusedTitle,
            windowStart = Day(0),
            windowEnd = Day(3),
            unitIds = new[] { kwitang },
            teamMembers = new[] { "Pimpinan" },
        }, expected: 403);
        await page.GotoAsync("/sidak");
        await Assertions.Expect(page.Locator($"[data-plan=\"{planId}\"]")).ToBeVisibleAsync();
        Assert.DoesNotContain(refusedTitle, await page.ContentAsync(), StringComparison.Ordinal);
    }

    private async Task AssertNothingOfThePlanAsync(IPage staff, Guid kwitang, params (Guid Id, string Title)[] plans)
    {
        var paths = new[] { "/sidak", "/sidak/rencana/baru", "/sidak/tindak-lanjut" }
            .Concat(plans.SelectMany(p => new[] { $"/sidak/rencana/{p.Id}", $"/sidak/kunjungan/{p.Id}/{kwitang}" }));
        foreach (var path in paths)
        {
            var response = await staff.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("Khusus satgas sidak");
            // The address they typed comes back in the page's own links (language switch); nothing else of a plan does.
            var html = await staff.ContentAsync();
            var main = await staff.Locator("main").InnerHTMLAsync();
            foreach (var (id, title) in plans)
            {
                Assert.DoesNotContain(title, html, StringComparison.Ordinal);
                Assert.DoesNotContain(id.ToString(), main, StringComparison.OrdinalIgnoreCase);
            }
        }
        foreach (var path in new[] { "/", "/petugas", "/petugas/klarifikasi", "/lacak", "/kinerja" })
        {
            var response = await staff.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            var html = await staff.ContentAsync();
            foreach (var (id, title) in plans)
            {
                AssertAbsent(html, path, id, title);
            }
        }
        var kunci = await staff.Context.APIRequest.GetAsync("/sidak/kunci");
        Assert.Equal(403, kunci.Status);
    }

    private static void AssertAbsent(string html, string path, Guid planId, string title)
    {
        Assert.False(html.Contains(title, StringComparison.Ordinal), $"{path} shows the plan's title");
        Assert.False(html.Contains(planId.ToString(), StringComparison.OrdinalIgnoreCase), $"{path} shows the plan's id");
    }


    /// <summary>A day from today in Jakarta (WIB), as a date field and the API write it.</summary>
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(offset)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> PlanAsync(string token, Guid unit, string title)
    {
        var plan = await platform.SendAsync(HttpMethod.Post, "/api/inspections/plans", token, new
        {
            title,
            windowStart = Day(-1),
            windowEnd = Day(7),
            unitIds = new[] { unit },
            teamMembers = new[] { "Satgas Demo" },
        }, expected: 201);
        return plan.GetProperty("id").GetGuid();
    }

    /// <summary>A whole visit for the API (as a device would build it): every item answered, one officer, optionally a finding naming them.</summary>
    private async Task<object> SubmissionAsync(string token, Guid unit, Guid? planId, string nip, string status, bool finding = false)
    {
        var checklists = await platform.SendAsync(HttpMethod.Get, "/api/inspections/checklists", token);
        var items = checklists.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "sidak-pelayanan").GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        var attendanceId = Guid.NewGuid();
        return new
        {
            unitId = unit,
            planId,
            checkIn = new { deviceTime = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)), latitude = KwitangLat, longitude = KwitangLon },
            checklist = new { answers = items.Select(i => new { item = i, answer = i == "staff-present" && finding ? "no" : "yes" }) },
            attendance = new[] { new { id = attendanceId, name = "Budi Santoso", staffNumber = nip, position = "Petugas loket", status } },
            findings = finding
                ? new object[] { new { id = Guid.NewGuid(), severity = "high", category = "kehadiran", checklistItem = "staff-present",
                    description = "Loket 2 kosong pada jam layanan.", attendanceId } }
                : [],
        };
    }

    private static Task WaitForAsync(IPage page, string condition) =>
        page.WaitForFunctionAsync(condition, null, new() { Timeout = 30_000, PollingInterval = 200 });
}
