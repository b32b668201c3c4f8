namespace Tinjau.Testing;

/// <summary>A sidak visit as the tests submit it (<c>PUT /api/inspections/visits/{id}/submission</c>).</summary>
public static class SidakSamples
{
    /// <summary>
    /// Checked in now at the given point; every checklist item met but the toilet (partly); one officer present and one
    /// absent without a reason, with a low finding on that absence.
    /// </summary>
    public static object OneAbsentOfficer(Guid unitId, IEnumerable<string> checklistItems, double latitude, double longitude)
    {
        var absent = Guid.NewGuid();
        return new
        {
            unitId,
            checkIn = new { deviceTime = DateTimeOffset.UtcNow, latitude, longitude },
            checklist = new
            {
                code = "sidak-pelayanan",
                answers = checklistItems.Select(item => new { item, answer = item == "toilet" ? "partly" : "yes" }).ToList(),
            },
            attendance = new object[]
            {
                new { id = Guid.NewGuid(), name = "Rina Wati", position = "Petugas loket", status = "present" },
                new { id = absent, name = "Andi Saputra", position = "Staf pelayanan", status = "absent-without-reason" },
            },
            findings = new[]
            {
                new { id = Guid.NewGuid(), severity = "low", category = "disiplin", description = "Satu pegawai tidak hadir tanpa keterangan.", attendanceId = absent },
            },
        };
    }
}
