"""The writer's way: a corrected figure, time, date or weekday written as the draft wrote the original."""
