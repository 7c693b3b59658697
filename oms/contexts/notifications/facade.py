"""The notifications context's synchronous public surface: keyword-only functions over contracts types.

Other contexts call these only from their infrastructure/acl.py. Nothing here holds logic: each
function delegates to the application layer and returns DTOs from `contracts.dtos`.
"""
