namespace Tinjau.AppHost.Hosting;

/// <summary>Serialized console output; child lines are prefixed with <c>[name]</c>, coloured on a terminal.</summary>
public sealed class ConsoleLog
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow, ConsoleColor.DarkGreen];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsoleColor> _colours = new(StringComparer.Ordinal);
    private readonly bool _colour = !Console.IsOutputRedirected;

    public void Line(string source, string text)
    {
        lock (_gate)
        {
            if (_colour)
            {
                if (!_colours.TryGetValue(source, out var colour))
                {
                    colour = Palette[_colours.Count % Palette.Length];
                    _colours[source] = colour;
                }

                Console.ForegroundColor = colour;
                Console.Write($"[{source}] ");
                Console.ResetColor();
                Console.WriteLine(text);
            }
            else
            {
                Console.WriteLine($"[{source}] {text}");
            }
        }
    }

    public void Info(string text) => Line("apphost", text);

    public void Error(string text)
    {
        lock (_gate)
        {
            Console.Error.WriteLine($"[apphost] error: {text}");
        }
    }

    public void Table(IReadOnlyList<ResourceSnapshot> resources)
    {
        var rows = resources.Select(r => new[] { r.Name, r.Type, r.State, r.Url ?? "", r.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" }).ToList();
        string[] header = ["NAME", "TYPE", "STATE", "URL", "PID"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Format(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        lock (_gate)
        {
            Console.WriteLine();
            Console.WriteLine(Format(header));
            foreach (var row in rows)
            {
                Console.WriteLine(Format(row));
            }

            Console.WriteLine();
        }
    }
}
