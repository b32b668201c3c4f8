namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>The registry's refusals on top of the platform's (<see cref="Refusal"/>).</summary>
public static class UnitRefusals
{
    extension(Refusal)
    {
        /// <summary>The registry's one "there is no such unit".</summary>
        public static Refusal NoUnit(Guid id) => Refusal.NotFound($"There is no unit {id}.");
    }
}
