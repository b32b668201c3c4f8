var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInspections();

var app = builder.Build();
app.MapInspections();

await app.MigrateDbContextAsync<InspectionsDb>(SeedData.SeedAsync);
await app.RunAsync();

public partial class Program;
