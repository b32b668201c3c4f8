using Scalar.AspNetCore;
using Tinjau.Complaints.Api.Apis;
using Tinjau.Complaints.Api.Application;
using Tinjau.Complaints.Api.Data;
using Tinjau.Complaints.Api.Domain;
using Tinjau.Complaints.Api.Infrastructure;
using Tinjau.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTinjauAuthentication(audience: "complaints");
builder.AddServiceDatabase<ComplaintsDb>(ResourceNames.ComplaintsDb);
builder.AddServiceCache(keyPrefix: "complaints:");
builder.AddMessaging<ComplaintsDb>();
builder.AddComplaints();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapScalarApiReference();

app.MapDefaultEndpoints();
app.MapComplaintsApi();
app.MapComplaintWorkflowApi();
app.MapTrackingApi();
app.MapAttachmentsApi();
app.MapSupportApi();
app.MapStatisticsApi();
app.MapOpen311Api();

await app.MigrateDbContextAsync<ComplaintsDb>();
await app.RunAsync();

public partial class Program;
