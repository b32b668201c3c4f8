var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddComplaints();

var app = builder.Build();
app.MapComplaints();

await app.MigrateDbContextAsync<ComplaintsDb>();
await app.RunAsync();

public partial class Program;
