var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.MapIdentityService();

await app.MigrateDbContextAsync<IdentityDb>(IdentitySeed.SeedAsync);
await app.RunAsync();

public partial class Program;
