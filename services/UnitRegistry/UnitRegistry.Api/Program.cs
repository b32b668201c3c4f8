await ServiceApi.RunAsync<UnitRegistryDbContext>(args, b => b.AddUnitRegistry(), app => app.MapUnitRegistry(), UnitRegistrySeed.SeedAsync);

public partial class Program;
