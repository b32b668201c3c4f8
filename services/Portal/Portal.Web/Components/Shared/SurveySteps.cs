using Microsoft.AspNetCore.Http;

namespace Tinjau.Portal.Web.Components.Shared;

/// <summary>
/// A questionnaire a few questions per screen, without a live connection: every screen posts all answers given so far
/// (the current screen's as radio buttons, the others as hidden fields) and the step to show next.
/// </summary>
public sealed class SurveySteps(IReadOnlyList<string> codes, int perScreen, int minimum, int maximum)
{
    public Dictionary<string, int> Answers { get; } = new(StringComparer.Ordinal);

    public int Step { get; private set; }

    public int Steps => Math.Max(1, (codes.Count + perScreen - 1) / perScreen);

    public bool IsLast => Step == Steps - 1;

    public IEnumerable<string> Current => codes.Skip(Step * perScreen).Take(perScreen);

    public IEnumerable<KeyValuePair<string, int>> Elsewhere => Answers.Where(a => !Current.Contains(a.Key));

    public static string FieldName(string code) => "q_" + code;

    /// <summary>Reads the posted answers and the screen they came from; returns the codes of that screen left unanswered.</summary>
    public List<string> Read(IFormCollection form)
    {
        foreach (var code in codes)
        {
            if (int.TryParse(form[FieldName(code)].ToString(), out var v) && v >= minimum && v <= maximum)
            {
                Answers[code] = v;
            }
        }
        Step = int.TryParse(form["step"].ToString(), out var s) ? Math.Clamp(s, 0, Steps - 1) : 0;
        return Current.Where(c => !Answers.ContainsKey(c)).ToList();
    }

    public void Next() => Step = Math.Min(Step + 1, Steps - 1);

    public void Back() => Step = Math.Max(Step - 1, 0);

    public bool Complete => codes.All(Answers.ContainsKey);
}
