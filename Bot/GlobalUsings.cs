// ASP.NET Core's implicit usings bring Microsoft.AspNetCore.Http.IMiddleware; in this project
// "middleware" always means the Bot Framework's turn middleware.
global using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
