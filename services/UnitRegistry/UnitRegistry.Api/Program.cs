var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddUnitRegistry();

var app = builder.Build();
app.MapUnitRegistry();

await app.MigrateDbContextAsync<UnitRegistryDbContext>(UnitRegistrySeed.SeedAsync);
await app.RunAsync();

public partial class Program;
