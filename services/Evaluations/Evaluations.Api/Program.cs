var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEvaluations();

var app = builder.Build();
app.MapEvaluations();

await app.MigrateDbContextAsync<EvaluationsDbContext>(EvaluationsSeed.SeedAsync);
await app.RunAsync();

public partial class Program;
