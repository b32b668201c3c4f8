using System.Net;
using System.Net.Http.Json;

namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>What Identity needs to know about units (UKPD): they are the unit registry's, asked over HTTP.</summary>
public interface IUnitDirectory
{
    /// <summary>Whether the unit exists. Throws <see cref="UnitDirectoryUnavailableException"/> when the registry cannot answer.</summary>
    Task<bool> ExistsAsync(Guid unitId, CancellationToken cancellationToken);

    /// <summary>The id of the unit with this code (e.g. <c>31.71.04.1002</c>), or null. Throws when the registry cannot answer.</summary>
    Task<Guid?> FindByCodeAsync(string code, CancellationToken cancellationToken);
}

public sealed class UnitDirectoryUnavailableException(string message, Exception? inner = null) : DependencyUnavailableException(message, inner);

/// <summary>The unit registry at <c>http://unitregistry</c> (resolved by service discovery).</summary>
public sealed class HttpUnitDirectory(HttpClient http) : IUnitDirectory
{
    public const string BaseAddress = "http://unitregistry";

    public async Task<bool> ExistsAsync(Guid unitId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"/api/units/{unitId}", cancellationToken);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public async Task<Guid?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"/api/units/by-code/{Uri.EscapeDataString(code)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var unit = await response.Content.ReadFromJsonAsync<UnitReference>(cancellationToken);
        return unit?.Id;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnitDirectoryUnavailableException("The unit registry cannot be reached.", ex);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound)
        {
            return response;
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        throw new UnitDirectoryUnavailableException($"The unit registry answered {status}.");
    }

    private sealed record UnitReference(Guid Id);
}
