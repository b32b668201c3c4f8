using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Hostile input is refused in one place, before any endpoint sees it (registered by <c>AddServiceDefaults()</c>):
/// <list type="bullet">
/// <item>JSON bodies: a member given twice, or a string with a control character other than tab and line breaks, is a
/// 400 naming the member (<see cref="PlatformJson.Options"/>, also used where a service parses JSON itself).</item>
/// <item>The path and the query string: control characters, and dates or years outside
/// <see cref="PlatformJson.EarliestYear"/>–<see cref="PlatformJson.LatestYear"/>, are a 400 naming the parameter.</item>
/// </list>
/// What still slips through (a form field or a file name with a NUL) the database refuses, and
/// <c>ProblemExceptionHandler</c> turns that into a 400 too.
/// </summary>
public static partial class InputHardening
{
    internal static IServiceCollection AddInputHardening(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => PlatformJson.Apply(o.SerializerOptions));
        services.AddTransient<IStartupFilter, QueryCheckStartupFilter>();
        return services;
    }

    /// <summary>The first thing wrong with the request's path or query, as (parameter, message), or null.</summary>
    public static (string Field, string Message)? Check(HttpRequest request)
    {
        if (HasControl(request.Path.Value))
        {
            return ("path", "The address contains a control character.");
        }
        foreach (var (key, values) in request.Query)
        {
            if (HasControl(key))
            {
                return ("query", "A parameter name contains a control character.");
            }
            foreach (var value in values)
            {
                if (HasControl(value))
                {
                    return (key, "Contains a control character.");
                }
                if (value is null)
                {
                    continue;
                }
                if (IsoDate().Match(value) is { Success: true } date
                    && !PlatformJson.InRange(int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture)))
                {
                    return (key, $"A date from {PlatformJson.EarliestYear} to {PlatformJson.LatestYear}.");
                }
                if (key.Equals("year", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                    && !PlatformJson.InRange(year))
                {
                    return (key, $"A year from {PlatformJson.EarliestYear} to {PlatformJson.LatestYear}.");
                }
            }
        }
        return null;
    }

    internal static bool HasControl(string? value)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"^(-?\d{1,6})-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    private sealed class QueryCheckStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (Check(context.Request) is { } error)
                {
                    await Tinjau.Problems.Validation(error.Field, error.Message).ExecuteAsync(context);
                    return;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The JSON rules every service reads requests with.</summary>
public static class PlatformJson
{
    public const int EarliestYear = 1900;
    public const int LatestYear = 2200;

    /// <summary>Web defaults, no duplicate members, no control characters in strings, dates in range.</summary>
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>For <c>JsonNode.Parse</c>/<c>JsonDocument.Parse</c>: a member given twice is an error.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false };

    public static bool InRange(int year) => year is >= EarliestYear and <= LatestYear;

    internal static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new CleanStringConverter());
        options.Converters.Add(new RangedDateTimeOffsetConverter());
        options.Converters.Add(new RangedDateOnlyConverter());
        return options;
    }

    private sealed class CleanStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return InputHardening.HasControl(value) ? throw new JsonException("The text contains a control character.") : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class RangedDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetDateTimeOffset();
            return InRange(value.Year) ? value : throw new JsonException($"A date from {EarliestYear} to {LatestYear}.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class RangedDateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                throw new JsonException("A date as yyyy-MM-dd.");
            }
            return InRange(value.Year) ? value : throw new JsonException($"A date from {EarliestYear} to {LatestYear}.");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
